/// Python's character classes on code points, as `str` methods and `re` (Unicode patterns) define them: the one
/// table of each that IFEval's checks, LiveBench's scorers and the NLTK tokenizers use.
public enum PythonCharacters {
    /// `str.isspace()` and `re`'s `\s`: bidirectional class WS, B or S, or category Zs.
    public static func isSpace(_ c: UInt32) -> Bool {
        switch c {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `string.whitespace`: the six ASCII whitespace characters.
    public static func isASCIIWhitespace(_ c: UInt32) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

    /// `re`'s `\d`: decimal digits (general category Nd).
    public static func isDecimal(_ c: UInt32) -> Bool {
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    /// `str.isdigit()` on one character: decimal digits and the digit-like superscripts and subscripts.
    public static func isDigit(_ c: UInt32) -> Bool {
        switch Unicode.Scalar(c)?.properties.numericType {
        case .decimal?, .digit?: true
        default: false
        }
    }

    /// `re`'s `\w`: `str.isalnum()` (letters Lu/Ll/Lt/Lm/Lo, or any numeric type) or "_".
    public static func isWord(_ c: UInt32) -> Bool {
        if c == 0x5F { return true }
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return s.properties.numericType != nil
        }
    }

    /// `[^\W\d]`: a word character that is not a decimal digit.
    public static func isWordNotDigit(_ c: UInt32) -> Bool { isWord(c) && !isDecimal(c) }

    /// `str.isupper()` on one character: the Unicode `Uppercase` property.
    public static func isUpper(_ c: UInt32) -> Bool { Unicode.Scalar(c)?.properties.isUppercase ?? false }

    /// `str.islower()` on one character: the Unicode `Lowercase` property.
    public static func isLower(_ c: UInt32) -> Bool { Unicode.Scalar(c)?.properties.isLowercase ?? false }

    /// `str.lower()` on code points, without the final-sigma rule (`PythonString.lower` has it).
    public static func lower(_ text: ArraySlice<UInt32>) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        for c in text {
            guard let s = Unicode.Scalar(c) else { result.append(c); continue }
            if c < 0x80 {
                result.append((0x41...0x5A).contains(c) ? c + 0x20 : c)
            } else {
                result.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars.map(\.value))
            }
        }
        return result
    }

    /// The code points of a string.
    public static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// A string from code points (invalid ones become U+FFFD).
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
        var s = String.UnicodeScalarView()
        for c in scalars { s.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
        return String(s)
    }
}
