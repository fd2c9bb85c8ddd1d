/// langdetect's 55 language profiles as its `DetectorFactory` holds them: for each n-gram (1–3 code points) the
/// probability `count / n_words[n - 1]` in every language, loaded once from `Resources/langdetect-profiles.tsv`.
///
/// Languages are in sorted order (Python's langdetect takes `os.listdir` order, which depends on the file system;
/// the order only changes the rounding of the normalising sum).
struct LanguageProfiles: Sendable {
    static let fileName = "langdetect-profiles.tsv"

    /// The language codes, in profile order.
    let languages: [String]
    /// The row of each n-gram, keyed by ``LanguageProfiles/key(_:)``.
    let rows: [UInt64: Int32]
    /// `entries[offsets[row]..<offsets[row + 1]]` are the languages with a non-zero probability for that row.
    let offsets: [Int32]
    let entryLanguages: [UInt8]
    let entryProbabilities: [Double]

    /// Packs a 1–3 code point n-gram into one integer (21 bits a code point; code points are never zero here).
    static func key(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var key: UInt64 = 0
        for (i, s) in scalars.enumerated() { key |= UInt64(s) << (21 * UInt64(i)) }
        return key
    }

    /// The profiles, loaded on first use.
    static let shared: Result<LanguageProfiles, TextAnalysisError> = Result { () throws(TextAnalysisError) in try LanguageProfiles() }

    init() throws(TextAnalysisError) {
        let name = Self.fileName
        let lines = try ResourceText.lines(of: name)
        guard let header = lines.first, header.fields.first == "languages", header.fields.count > 2 else {
            throw ResourceText.malformed(name, line: lines.first?.number ?? 1, "the first line must list the languages")
        }
        languages = header.fields.dropFirst().map(String.init)
        guard languages.count <= Int(UInt8.max) else {
            throw ResourceText.malformed(name, line: header.number, "more than 255 languages")
        }
        var nWords: [[Double]] = []
        var cursor = 1
        while cursor < lines.count, lines[cursor].fields.first == "n_words" {
            let counts = lines[cursor].fields.dropFirst().compactMap { Double($0) }
            guard counts.count == 3 else {
                throw ResourceText.malformed(name, line: lines[cursor].number, "n_words needs three counts")
            }
            nWords.append(counts)
            cursor += 1
        }
        guard nWords.count == languages.count else {
            throw ResourceText.malformed(name, line: lines[min(cursor, lines.count - 1)].number,
                                         "\(nWords.count) n_words lines for \(languages.count) languages")
        }
        var rows: [UInt64: Int32] = [:]
        rows.reserveCapacity(lines.count - cursor)
        var offsets: [Int32] = [0]
        var entryLanguages: [UInt8] = []
        var entryProbabilities: [Double] = []
        for (number, fields) in lines[cursor...] {
            let gram = fields[0].unicodeScalars.map(\.value)
            guard fields.count == 2, (1...3).contains(gram.count) else {
                throw ResourceText.malformed(name, line: number, "expected an n-gram of 1–3 code points and its counts")
            }
            for entry in fields[1].split(separator: " ") {
                guard let colon = entry.firstIndex(of: ":"), let language = Int(entry[..<colon]), language < languages.count,
                      let count = Double(entry[entry.index(after: colon)...]) else {
                    throw ResourceText.malformed(name, line: number, "bad count \(entry)")
                }
                entryLanguages.append(UInt8(language))
                // langdetect: `1.0 * profile.freq[word] / profile.n_words[len(word) - 1]`.
                entryProbabilities.append(count / nWords[language][gram.count - 1])
            }
            rows[Self.key(gram[...])] = Int32(offsets.count - 1)
            offsets.append(Int32(entryLanguages.count))
        }
        self.rows = rows
        self.offsets = offsets
        self.entryLanguages = entryLanguages
        self.entryProbabilities = entryProbabilities
    }
}
