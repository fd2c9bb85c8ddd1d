import Foundation
import PythonCompat

/// nltk's `NLTKWordTokenizer.tokenize` as of nltk 3.9.2 (the same rules as 3.8, the era of IFEval's published
/// outputs, and the last release on Python's `re`): the ordered regular-expression substitutions of the improved
/// Treebank tokenizer, then a split on whitespace. nltk 3.10 added a split at figure/en/em dashes and a new
/// leading-apostrophe rule, and moved to the `regex` engine; see docs/text-analysis.md.
///
/// The patterns run on ICU (`NSRegularExpression`); where ICU and Python `re` differ, they are rewritten to mean
/// what Python means: `\w` is `[\p{L}\p{N}_]` (Python's `str.isalnum()` or "_", without combining marks), `\s`
/// is Python's whitespace set, `\b` is a lookaround on that `\w`, and `$` is "end, or before a final newline".
enum TreebankWords {
    private static let w = #"[\p{L}\p{N}_]"#
    private static let s = #"[\t\n\x{0B}\f\r\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]"#
    private static let end = #"(?=\n?\z)"#

    /// A compiled substitution. `NSRegularExpression` is immutable once made and documented as safe to share
    /// between threads.
    struct Rule: @unchecked Sendable {
        let regex: NSRegularExpression
        let template: String

        init(_ pattern: String, _ template: String) {
            do {
                regex = try NSRegularExpression(pattern: pattern)
            } catch {
                preconditionFailure("TreebankWords: the built-in pattern \(pattern) does not compile: \(error)")
            }
            self.template = template
        }

        func apply(_ text: String) -> String {
            let ns = text as NSString
            return regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: template)
        }
    }

    static let startingQuotes: [Rule] = [
        Rule("([«“‘„]|[`]+)", " $1 "),
        Rule(#"^""#, "``"),
        Rule("(``)", " $1 "),
        Rule(#"([ \(\[{<])("|'{2})"#, "$1 `` "),
        Rule(#"(?i)(')(?!re|ve|ll|m|t|s|d|n)(\#(w))(?!\#(w))"#, "$1 $2"),
    ]

    static let punctuation: [Rule] = [
        Rule(#"([^\.])(\.)([\]\)}>"'»”’ ]*)\#(s)*\z"#, "$1 $2 $3 "),
        Rule(#"([:,])([^\d])"#, " $1 $2"),
        Rule(#"([:,])\#(end)"#, " $1 "),
        Rule(#"\.{2,}"#, " $0 "),
        Rule(#"[;@#\$%&]"#, " $0 "),
        Rule(#"([^\.])(\.)([\]\)}>"']*)\#(s)*\z"#, "$1 $2$3 "),
        Rule(#"[?!]"#, " $0 "),
        Rule(#"([^'])' "#, "$1 ' "),
        Rule(#"[*]"#, " $0 "),
        Rule(#"[\]\[\(\)\{\}\<\>]"#, " $0 "),
        Rule("--", " -- "),
    ]

    static let endingQuotes: [Rule] = [
        Rule("([»”’])", " $1 "),
        Rule("''", " '' "),
        Rule(#"""#, " '' "),
        Rule(#"\#(s)+"#, " "),
        Rule(#"([^' ])('[sS]|'[mM]|'[dD]|') "#, "$1 $2 "),
        Rule(#"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "#, "$1 $2 "),
    ]

    static let contractions: [Rule] = [
        Rule(#"(?i)(?<!\#(w))(can)(not)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(d)('ye)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(gim)(me)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(gon)(na)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(got)(ta)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(lem)(me)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(more)('n)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i)(?<!\#(w))(wan)(na)(?=\#(s))"#, " $1 $2 "),
        Rule(#"(?i) ('t)(is)(?!\#(w))"#, " $1 $2 "),
        Rule(#"(?i) ('t)(was)(?!\#(w))"#, " $1 $2 "),
    ]

    /// The tokens of one sentence.
    static func tokenize(_ sentence: String) -> [String] {
        var text = sentence
        for rule in startingQuotes + punctuation { text = rule.apply(text) }
        text = " " + text + " "
        for rule in endingQuotes + contractions { text = rule.apply(text) }
        return pythonSplit(text)
    }

    /// `str.split()`: the runs of non-whitespace.
    static func pythonSplit(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if PythonCharacters.isSpace(c.value) {
                if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }
}
