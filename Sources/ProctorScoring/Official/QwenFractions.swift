import Foundation
import MathEquivalence

/// The MATH-style fraction fixes shared by Qwen2.5-Math and MATH-V (`_fix_fracs`, `_fix_a_slash_b`).
enum QwenFractions {
    /// `\frac12` → `\frac{1}{2}`, `\frac1{72}` → `\frac{1}{72}`; unchanged when a `\frac` has fewer than two
    /// characters after it.
    static func fixFracs(_ s: String) -> String {
        let pieces = s.scanSplit("\\frac")
        guard pieces.count > 1 else { return s }
        var out = pieces[0]
        for piece in pieces.dropFirst() {
            out += "\\frac"
            if piece.first == "{" {
                out += piece
                continue
            }
            let chars = Array(piece)
            guard chars.count >= 2 else { return s }
            let a = chars[0], b = chars[1]
            let post = String(chars.dropFirst(2))
            if b != "{" {
                out += "{\(a)}{\(b)}" + post
            } else {
                out += "{\(a)}" + String(b) + post
            }
        }
        return out
    }

    /// `a/b` with integer `a` and `b` (written exactly as Python prints them) → `\frac{a}{b}`.
    ///
    /// - Parameter allowSqrt: Qwen's variant keeps a side containing `sqrt` as text; MATH-V's requires integers.
    static func fixSlash(_ s: String, allowSqrt: Bool) -> String {
        let parts = s.scanSplit("/")
        guard parts.count == 2 else { return s }
        func side(_ t: String) -> String? {
            if allowSqrt, t.scanContains("sqrt") { return t }
            guard let v = PythonInt.parse(t) else { return nil }
            return String(v)
        }
        guard let a = side(parts[0]), let b = side(parts[1]), s == "\(a)/\(b)" else { return s }
        return "\\frac{\(a)}{\(b)}"
    }
}

/// Python's `int(str)`: optional surrounding whitespace and sign, ASCII digits, `_` between digits.
enum PythonInt {
    static func parse(_ text: String) -> Int? {
        var t = PythonText.strip(text)
        if t.scanContains("_") {
            let chars = Array(t)
            for (k, c) in chars.enumerated() where c == "_" {
                guard k > 0, k + 1 < chars.count, chars[k - 1].isNumber, chars[k + 1].isNumber else { return nil }
            }
            t.removeAll { $0 == "_" }
        }
        var body = Substring(t)
        var negative = false
        if body.first == "+" || body.first == "-" { negative = body.first == "-"; body = body.dropFirst() }
        guard PythonText.isDigits(body), let v = Int(body) else { return nil }
        return negative ? -v : v
    }
}

/// `word2number.w2n.word_to_num` as Qwen's `convert_word_number` uses it: the whole string turns into a number
/// when it is digits or contains number words; otherwise it is left alone.
enum WordNumbers {
    static let values: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
        "million": 1_000_000, "billion": 1_000_000_000,
    ]

    static func convert(_ s: String) -> String {
        let sentence = s.scanReplacing("-", with: " ").lowercased()
        if PythonText.isDigits(sentence), let v = Int(sentence) { return String(v) }
        let words = sentence.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var clean = words.filter { values[$0] != nil || $0 == "point" }
        if clean.isEmpty { return s }
        for big in ["thousand", "million", "billion", "point"] where clean.filter({ $0 == big }).count > 1 { return s }
        var decimals: [String] = []
        if let p = clean.firstIndex(of: "point") {
            decimals = Array(clean[(p + 1)...])
            clean = Array(clean[..<p])
        }
        let b = clean.firstIndex(of: "billion") ?? -1, m = clean.firstIndex(of: "million") ?? -1
        let t = clean.firstIndex(of: "thousand") ?? -1
        if (t > -1 && (t < m || t < b)) || (m > -1 && m < b) { return s }
        var total = 0
        if clean.count == 1 {
            total = values[clean[0]] ?? 0
        } else if !clean.isEmpty {
            if b > -1 { total += formation(Array(clean[0..<b])) * 1_000_000_000 }
            if m > -1 { total += formation(Array(clean[(b + 1)..<m])) * 1_000_000 }
            if t > -1 { total += formation(Array(clean[(max(m, b) + 1)..<t])) * 1000 }
            if t > -1, t != clean.count - 1 {
                total += formation(Array(clean[(t + 1)...]))
            } else if m > -1, m != clean.count - 1 {
                total += formation(Array(clean[(m + 1)...]))
            } else if b > -1, b != clean.count - 1 {
                total += formation(Array(clean[(b + 1)...]))
            } else if t == -1, m == -1, b == -1 {
                total += formation(clean)
            }
        }
        if !decimals.isEmpty {
            let digits = decimals.compactMap { values[$0] }.filter { $0 < 10 }.map(String.init).joined()
            if let d = Double(String(total) + "." + digits) { return PythonNumbers.string(d) }
        }
        return String(total)
    }

    static func formation(_ words: [String]) -> Int {
        let n = words.compactMap { values[$0] }
        switch n.count {
        case 0: return 0
        case 4: return n[0] * n[1] + n[2] + n[3]
        case 3: return n[0] * n[1] + n[2]
        case 2: return n.contains(100) ? n[0] * n[1] : n[0] + n[1]
        default: return n[0]
        }
    }
}
