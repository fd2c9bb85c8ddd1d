/// The pre-tokenizer scanners: each walks a range of scalars and appends the pieces the corresponding regular
/// expression would match, never looking outside the range (as llama.cpp's split works per earlier piece).
struct ScalarScanner {
    let scalars: [Unicode.Scalar]
    let classes: [ScalarClass]

    private static let apostrophe: UInt32 = 0x27

    /// The contraction (`'s`, `'t`, `'re`, `'ve`, `'m`, `'ll`, `'d`) starting at `position`, as its length.
    private func contractionLength(at position: Int, end: Int, caseInsensitive: Bool) -> Int? {
        guard scalars[position].value == Self.apostrophe, position + 1 < end else { return nil }
        func lower(_ index: Int) -> UInt32 {
            let v = scalars[index].value
            return caseInsensitive && (0x41...0x5A).contains(v) ? v + 0x20 : v
        }
        let next = lower(position + 1)
        if next == 0x73 || next == 0x74 || next == 0x6D || next == 0x64 { return 2 }  // s t m d
        guard position + 2 < end else { return nil }
        let pair = (next, lower(position + 2))
        if pair == (0x72, 0x65) || pair == (0x76, 0x65) || pair == (0x6C, 0x6C) { return 3 }  // re ve ll
        return nil
    }

    /// The class at `index`, or nil past the end of the range.
    private func classAt(_ index: Int, _ end: Int) -> ScalarClass? {
        index < end ? classes[index] : nil
    }

    /// Whether the scalar at `index` is neither whitespace, letter nor number (and inside the range).
    private func isOther(_ index: Int, _ end: Int) -> Bool {
        guard let c = classAt(index, end) else { return false }
        return c.isDisjoint(with: [.whitespace, .letter, .number])
    }

    /// The length of the run of whitespace starting at `position`.
    private func whitespaceRun(from position: Int, _ end: Int) -> Int {
        var count = 0
        while position + count < end, classes[position + count].contains(.whitespace) { count += 1 }
        return count
    }

    /// GPT-2: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    func gpt2(_ range: Range<Int>, into pieces: inout [Range<Int>]) {
        let end = range.upperBound
        var position = range.lowerBound
        while position < end {
            let start = position
            if let length = contractionLength(at: position, end: end, caseInsensitive: false) {
                position += length
                pieces.append(start..<position)
                continue
            }
            let isSpace = scalars[position].value == 0x20
            let probe = isSpace ? position + 1 : position
            if let c = classAt(probe, end), c.contains(.letter) || c.contains(.number) {
                let wanted: ScalarClass = c.contains(.letter) ? .letter : .number
                position = probe
                while let next = classAt(position, end), next.contains(wanted) { position += 1 }
                pieces.append(start..<position)
                continue
            }
            if isOther(probe, end) {
                position = probe
                while isOther(position, end) { position += 1 }
                pieces.append(start..<position)
                continue
            }
            let spaces = whitespaceRun(from: position, end)
            if spaces > 1 && position + spaces < end {
                position += spaces - 1  // \s+(?!\S): leave the last space to the next piece
            } else if spaces > 0 {
                position += spaces
            } else {
                position += 1
            }
            pieces.append(start..<position)
        }
    }

    /// llama-3 / Qwen2: `(?i:'s|…|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,maxDigits}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
    func llama3(_ range: Range<Int>, maxDigits: Int, into pieces: inout [Range<Int>]) {
        let end = range.upperBound
        var position = range.lowerBound
        func isNewline(_ index: Int) -> Bool {
            index < end && (scalars[index].value == 0x0A || scalars[index].value == 0x0D)
        }
        while position < end {
            let start = position
            if let length = contractionLength(at: position, end: end, caseInsensitive: true) {
                position += length
                pieces.append(start..<position)
                continue
            }
            let here = classes[position]
            if !isNewline(position) && !here.contains(.number) {
                if here.contains(.letter) || (classAt(position + 1, end)?.contains(.letter) ?? false) {
                    position += 1
                    while let next = classAt(position, end), next.contains(.letter) { position += 1 }
                    pieces.append(start..<position)
                    continue
                }
            }
            if here.contains(.number) {
                var runStart = position
                while let next = classAt(position, end), next.contains(.number) {
                    position += 1
                    if position - runStart >= maxDigits {
                        pieces.append(runStart..<position)
                        runStart = position
                    }
                }
                if runStart < position { pieces.append(runStart..<position) }
                continue
            }
            let probe = scalars[position].value == 0x20 ? position + 1 : position
            if isOther(probe, end) {
                position = probe
                while isOther(position, end) { position += 1 }
                while isNewline(position) { position += 1 }
                pieces.append(start..<position)
                continue
            }
            let spaces = whitespaceRun(from: position, end)
            var lastNewlineEnd = 0
            for offset in 0..<spaces where isNewline(position + offset) { lastNewlineEnd = position + offset + 1 }
            if lastNewlineEnd > 0 {
                position = lastNewlineEnd  // \s*[\r\n]+
            } else if spaces > 1 && position + spaces < end {
                position += spaces - 1
            } else if spaces > 0 {
                position += spaces
            } else {
                position += 1
            }
            pieces.append(start..<position)
        }
    }
}
