/// The number and sentence scanners of MMMU's open-answer parser.
enum MMMUNumbers {
    /// `re.split(r"\.\s(?=[A-Z])|\n", s)`.
    static func splitSentences(_ s: String) -> [String] {
        let chars = Array(s)
        var parts: [String] = []
        var current: [Character] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                parts.append(String(current)); current = []; i += 1; continue
            }
            if c == ".", i + 2 < chars.count, chars[i + 1].isWhitespace, chars[i + 2].isUppercase, chars[i + 2].isASCII {
                parts.append(String(current)); current = []; i += 2; continue
            }
            current.append(c)
            i += 1
        }
        parts.append(String(current))
        return parts
    }

    /// `extract_numbers`: comma-grouped integers, then scientific notation, then plain numbers (each list in order).
    static func extract(_ s: String) -> [String] {
        let c = Array(s)
        func digit(_ k: Int) -> Bool { k >= 0 && k < c.count && c[k].isASCII && c[k].isNumber }
        func word(_ k: Int) -> Bool { k >= 0 && k < c.count && PythonText.isWord(c[k]) }
        var commas: [String] = [], scientific: [String] = [], simple: [String] = []
        // -?\b\d{1,3}(?:,\d{3})+\b
        var i = 0
        while i < c.count {
            var j = i
            if c[j] == "-" { j += 1 }
            if digit(j), j > i || !word(i - 1) {
                var k = j
                while digit(k) { k += 1 }
                var end = k, groups = 0
                if k - j <= 3 {
                    while end < c.count, c[end] == ",", digit(end + 1), digit(end + 2), digit(end + 3) { end += 4; groups += 1 }
                    while groups > 0, word(end) { end -= 4; groups -= 1 }
                }
                if groups > 0 { commas.append(String(c[i..<end])); i = end; continue }
            }
            i += 1
        }
        // -?\d+(?:\.\d+)?[eE][+-]?\d+
        i = 0
        while i < c.count {
            var j = i
            if c[j] == "-" { j += 1 }
            if digit(j) {
                var k = j
                while digit(k) { k += 1 }
                if k < c.count, c[k] == ".", digit(k + 1) { k += 1; while digit(k) { k += 1 } }
                if k < c.count, c[k] == "e" || c[k] == "E" {
                    var m = k + 1
                    if m < c.count, c[m] == "+" || c[m] == "-" { m += 1 }
                    if digit(m) {
                        while digit(m) { m += 1 }
                        scientific.append(String(c[i..<m])); i = m; continue
                    }
                }
                i = k
                continue
            }
            i += 1
        }
        // -?(?:\d+\.\d+|\.\d+|\d+\b)(?![eE][+-]?\d+)(?![,\d]), trying the alternatives in order.
        func exponentAt(_ end: Int) -> Bool {
            guard end < c.count, c[end] == "e" || c[end] == "E" else { return false }
            var m = end + 1
            if m < c.count, c[m] == "+" || c[m] == "-" { m += 1 }
            return digit(m)
        }
        i = 0
        while i < c.count {
            var j = i
            if c[j] == "-" { j += 1 }
            var ends: [Int] = []
            if digit(j) {
                var k = j
                while digit(k) { k += 1 }
                if k < c.count, c[k] == ".", digit(k + 1) {
                    var m = k + 1
                    while digit(m) { m += 1 }
                    ends.append(m)
                }
                if !word(k) { ends.append(k) }
            } else if j < c.count, c[j] == ".", digit(j + 1) {
                var m = j + 1
                while digit(m) { m += 1 }
                ends.append(m)
            }
            if let end = ends.first(where: { !exponentAt($0) && !($0 < c.count && (c[$0] == "," || digit($0))) }) {
                simple.append(String(c[i..<end]))
                i = end
                continue
            }
            i += 1
        }
        return commas + scientific + simple
    }
}
