extension PythonString {
    /// `s.lower()`: each code point's full lower-case mapping (`İ` becomes two code points), with Python's rule
    /// for a capital sigma that ends a word (it becomes `ς`).
    public static func lower(_ s: some StringProtocol) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}" {
                out.append(isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}")
            } else if scalar.isASCII {
                out.append(scalar.properties.isUppercase ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// CPython's `handle_capital_sigma`: a cased letter before it (case-ignorable code points skipped) and none
    /// after it.
    public static func isFinalSigma(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i - 1
        while j >= 0, scalars[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, scalars[j].properties.isCased else { return false }
        j = i + 1
        while j < scalars.count, scalars[j].properties.isCaseIgnorable { j += 1 }
        return j == scalars.count || !scalars[j].properties.isCased
    }

    /// `s.isupper()`: at least one cased code point, and no lower-case or title-case one.
    public static func isUpper(_ s: some StringProtocol) -> Bool {
        var cased = false
        for scalar in s.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// `s.islower()`: at least one cased code point, and no upper-case or title-case one.
    public static func isLower(_ s: some StringProtocol) -> Bool {
        var cased = false
        for scalar in s.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isLowercase { cased = true }
        }
        return cased
    }
}
