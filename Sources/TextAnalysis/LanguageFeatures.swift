import PythonCompat

/// langdetect's text preparation and n-gram extraction (`Detector.append`, `cleaning_text`, `_extract_ngrams`).
enum LanguageFeatures {
    static let space: UInt32 = 0x20
    static let maximumTextLength = 10_000

    /// The profile rows of the n-grams langdetect would draw from, in text order (with repeats).
    static func extract(from text: String, profiles: LanguageProfiles, normalization: LanguageNormalization) -> [Int32] {
        var scalars = text.unicodeScalars.map(\.value)
        scalars = replaceURLs(scalars)
        scalars = replaceMailAddresses(scalars)
        scalars = normalization.composeVietnamese(scalars)
        var kept: [UInt32] = []
        var previous: UInt32 = 0
        for c in scalars.prefix(maximumTextLength) {
            if c != space || previous != space { kept.append(c) }
            previous = c
        }
        kept = withoutLatinIfMostlyNonLatin(kept)
        var features: [Int32] = []
        var grams: [UInt32] = [space]
        var capitalWord = false
        for raw in kept {
            let c = normalization.normalize(raw)
            let last = grams[grams.count - 1]
            if last == space {
                grams = [space]
                capitalWord = false
                if c == space { continue }
            } else if grams.count >= 3 {
                grams.removeFirst()
            }
            grams.append(c)
            if PythonCharacters.isUpper(c) {
                if PythonCharacters.isUpper(last) { capitalWord = true }
            } else {
                capitalWord = false
            }
            if capitalWord { continue }
            for n in 1...3 {
                if grams.count < n { break }
                let gram = grams[(grams.count - n)...]
                if n == 1 && gram.first == space { continue }
                if let row = profiles.rows[LanguageProfiles.key(gram)] { features.append(row) }
            }
        }
        return features
    }

    /// `cleaning_text`: when fewer than half as many characters are in "A"..."z" as are at or above U+0300, the
    /// "A"..."z" characters are removed.
    ///
    /// langdetect means to leave Latin Extended Additional (Vietnamese) out of the second count, but compares
    /// `unicode_block(ch)`, an integer, with the string 'Latin Extended Additional', which never matches; so those
    /// letters count as non-Latin, here as there.
    static func withoutLatinIfMostlyNonLatin(_ text: [UInt32]) -> [UInt32] {
        var latin = 0
        var nonLatin = 0
        for c in text {
            if (0x41...0x7A).contains(c) {
                latin += 1
            } else if c >= 0x300 {
                nonLatin += 1
            }
        }
        return latin * 2 < nonLatin ? text.filter { !(0x41...0x7A).contains($0) } : text
    }

    static func isASCIIAlphanumeric(_ c: UInt32) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    /// `re.sub(r'https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}', ' ', text)`.
    static func replaceURLs(_ text: [UInt32]) -> [UInt32] {
        let urlCharacters = Set("-_.?&~;+=/#".unicodeScalars.map(\.value))
        let http = "http".unicodeScalars.map(\.value)
        let slashes = "://".unicodeScalars.map(\.value)
        var result: [UInt32] = []
        var i = 0
        while i < text.count {
            if text[i...].starts(with: http) {
                var j = i + 4
                if j < text.count && text[j] == 0x73 { j += 1 }  // "s"
                if text[j...].starts(with: slashes) {
                    j += 3
                    var end = j
                    while end < text.count, end - j < 2076, isASCIIAlphanumeric(text[end]) || urlCharacters.contains(text[end]) {
                        end += 1
                    }
                    if end > j {
                        result.append(space)
                        i = end
                        continue
                    }
                }
            }
            result.append(text[i])
            i += 1
        }
        return result
    }

    /// `re.sub(r'[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}', ' ', text)`.
    static func replaceMailAddresses(_ text: [UInt32]) -> [UInt32] {
        func isLocal(_ c: UInt32) -> Bool { isASCIIAlphanumeric(c) || c == 0x2D || c == 0x5F || c == 0x2E }
        func isHost(_ c: UInt32) -> Bool { isASCIIAlphanumeric(c) || c == 0x2D || c == 0x5F }
        var result: [UInt32] = []
        var copied = 0
        var searchFrom = 0
        while let at = text[searchFrom...].firstIndex(of: 0x40) {
            // The leftmost start is at most 64 local characters before "@", all of them local characters, and not
            // before the end of the previous replacement.
            var start = at
            while start > copied, at - start < 64, isLocal(text[start - 1]) { start -= 1 }
            // After "@": one host character, then greedy host characters (at most 255), then at least one (at most
            // 255) host-or-dot characters; backtracking leaves the end where the longest such run ends.
            var end: Int?
            if start < at, at + 1 < text.count, isHost(text[at + 1]) {
                var hostEnd = at + 1
                while hostEnd < text.count, hostEnd - (at + 1) < 255, isHost(text[hostEnd]) { hostEnd += 1 }
                var tailEnd = hostEnd
                while tailEnd < text.count, tailEnd - hostEnd < 255, isLocal(text[tailEnd]) { tailEnd += 1 }
                if tailEnd > hostEnd {
                    end = tailEnd
                } else if hostEnd - (at + 1) >= 2 {
                    end = hostEnd  // the host run gives its last character back to the tail
                }
            }
            if let end {
                result.append(contentsOf: text[copied..<start])
                result.append(space)
                copied = end
                searchFrom = end
            } else {
                searchFrom = at + 1
            }
            if searchFrom >= text.count { break }
        }
        result.append(contentsOf: text[copied...])
        return result
    }
}
