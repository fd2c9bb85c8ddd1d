/// nltk's English Punkt model (`PunktParameters`): abbreviation types, collocations, frequent sentence starters
/// and orthographic context flags, loaded once from `Resources/punkt-english.tsv`.
struct PunktParameters: Sendable {
    static let fileName = "punkt-english.tsv"

    /// A word type pair that appears across a period without a sentence break ("##number##", "review").
    struct Collocation: Hashable, Sendable {
        var first: [UInt32]
        var second: [UInt32]
    }

    let abbreviations: Set<[UInt32]>
    let collocations: Set<Collocation>
    let sentenceStarters: Set<[UInt32]>
    /// Or-ed `Ortho` flags per word type; absent types have none.
    let orthographicContext: [[UInt32]: Int]

    /// The orthographic context flags of nltk's punkt.py.
    enum Ortho {
        static let beginUpper = 1 << 1
        static let middleUpper = 1 << 2
        static let unknownUpper = 1 << 3
        static let beginLower = 1 << 4
        static let middleLower = 1 << 5
        static let unknownLower = 1 << 6
        static let upper = beginUpper + middleUpper + unknownUpper
        static let lower = beginLower + middleLower + unknownLower
    }

    /// The English model, loaded on first use.
    static let english: Result<PunktParameters, TextAnalysisError> = Result { () throws(TextAnalysisError) in try PunktParameters() }

    /// The English model, or a stop naming the broken resource (it ships inside this package, so its absence is
    /// a packaging error, never a property of the text being tokenised).
    static var englishModel: PunktParameters {
        switch english {
        case .success(let model): model
        case .failure(let error): preconditionFailure("TextAnalysis cannot load its Punkt model: \(error)")
        }
    }

    init() throws(TextAnalysisError) {
        let name = Self.fileName
        var abbreviations: Set<[UInt32]> = []
        var collocations: Set<Collocation> = []
        var starters: Set<[UInt32]> = []
        var ortho: [[UInt32]: Int] = [:]
        for (number, fields) in try ResourceText.lines(of: name) {
            let values = fields.dropFirst().map { $0.unicodeScalars.map(\.value) }
            switch (fields[0], values.count) {
            case ("abbrev", 1): abbreviations.insert(values[0])
            case ("starter", 1): starters.insert(values[0])
            case ("collocation", 2): collocations.insert(Collocation(first: values[0], second: values[1]))
            case ("ortho", 2):
                guard let flags = Int(fields[2]) else { throw ResourceText.malformed(name, line: number, "bad flags \(fields[2])") }
                ortho[values[0]] = flags
            default: throw ResourceText.malformed(name, line: number, "unknown entry \(fields[0]) with \(values.count) values")
            }
        }
        self.abbreviations = abbreviations
        self.collocations = collocations
        self.sentenceStarters = starters
        self.orthographicContext = ortho
    }
}
