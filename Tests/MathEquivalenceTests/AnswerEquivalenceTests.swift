import Testing
@testable import MathEquivalence

/// Hand-written (gold, prediction, expected) cases for the strict comparator, including the gotchas of
/// SCORING-NOTES §15.8 (rounding false positives, ordered tuples, interval brackets, units, percent, degrees).
struct AnswerEquivalenceTests {
    static let cases: [(String, String, Bool)] = [
        ("\\frac{3}{4}", "0.75", true),
        ("\\frac34", "\\dfrac{3}{4}", true),
        ("\\frac{1}{3}", "0.3333", false),
        ("\\frac{1}{3}", "0.333333333333", false),
        ("2\\sqrt{3}", "\\sqrt{12}", true),
        ("\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt{2}}{2}", true),
        ("\\frac{1}{2^{98}}", "\\frac{1}{2^{99}}", false),
        ("\\frac{1}{300}", "\\frac{1}{900}", false),
        ("(x+1)^2", "x^2+2x+1", true),
        ("2x(x+2)", "2x^2+4x", true),
        ("x^2+2x+1", "x^2+2x+2", false),
        ("(1,2)", "(2,1)", false),
        ("(1, 2)", "(1,2)", true),
        ("[-2,3]", "[-2,3)", false),
        ("(-\\infty, 1] \\cup [10, \\infty)", "(-\\infty,1]\\cup[10,\\infty)", true),
        ("(3, \\infty)", "x > 3", true),
        ("[3, \\infty)", "x > 3", false),
        ("1, 2, 3", "3, 2, 1", true),
        ("1, 2, 3", "1, 2", false),
        ("\\{1, 2\\}", "\\{2, 1\\}", true),
        ("30^\\circ", "30", true),
        ("30", "30^{\\circ}", true),
        ("50\\%", "50", true),
        ("10", "10 \\text{ cm}", true),
        ("1000000", "1,000,000", true),
        ("10000", "10{,}000", true),
        ("5", "x = 5", true),
        ("y = 2x + 3", "2x + 3", true),
        ("x^2 + y^2 = 1", "1 - x^2 - y^2 = 0", true),
        ("x^2 + y^2 = 1", "x^2 - y^2 = 1", false),
        ("2\\frac{1}{2}", "\\frac{5}{2}", true),
        ("12\\frac{3}{5}", "12 \\frac{3}{5}", true),
        ("1\\frac{1}{4}", "\\frac{5}{4}", true),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", true),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{pmatrix}1&2\\\\3&5\\end{pmatrix}", false),
        ("\\text{Monday}", "monday", true),
        ("\\pi", "3.14", false),
        ("\\frac{\\pi}{2}", "\\frac{1}{2}\\pi", true),
        ("3", "\\text{three}", true),
        ("1.5 \\times 10^{-3}", "0.0015", true),
        ("1.5e-3", "0.0015", true),
        ("\\sqrt[3]{\\frac{5}{12}}", "(\\frac{5}{12})^{\\frac{1}{3}}", true),
        ("\\frac{n!}{k!(n-k)!}", "\\binom{n}{k}", false),
        ("23", "023", true),
        ("-\\frac{1}{2}", "-0.5", true),
        ("\\pm 2", "2, -2", true),
        ("e", "2.718281828459045", true),
        ("\\ln 2", "\\log 2", true),
        ("5^{5^{5^{5^5}}}", "5", false),
        ("\\frac{3^{1009}}{3^{1008}}", "3", true),
        // Exact with big integers (64-bit rationals overflowed to doubles and called the first pair equal).
        ("123456789012345678901234567890", "123456789012345678901234567891", false),
        ("123456789012345678901234567890", "123,456,789,012,345,678,901,234,567,890", true),
        ("\\frac{2^{100}}{3}", "\\frac{1267650600228229401496703205376}{3}", true),
        ("\\frac{2^{100}}{3}", "\\frac{1267650600228229401496703205377}{3}", false),
        ("0.1234567890123456789012345", "\\frac{1234567890123456789012345}{10^{25}}", true),
        ("0.1234567890123456789012345", "0.1234567890123456789012346", false),
        ("10^{30}", "1000000000000000000000000000000", true),
        ("10^{30}", "1000000000000000000000000000001", false),
        ("25!", "15511210043330985984000000", true),
        ("25!", "15511210043330985984000001", false),
        ("2^{64}", "18446744073709551616", true),
        ("\\sqrt{2^{200}}", "2^{100}", true),
        // Over the exact budget and beyond Double: not comparable, so not equal (they were both +inf).
        ("2^{99999999}", "2^{100000000}", false),
        ("\\infty", "2^{99999999}", false),
        ("2000!", "2001!", false),
        ("\\frac{2^{20000}}{2^{19999}}", "2", true),
        ("\\frac{3^{1008}-1}{3^{1009}}", "\\frac{1}{3}", false),
        ("\\frac{3^{1008}-1}{3^{1009}}", "\\frac{1}{3}-\\frac{1}{3^{1009}}", true),
        ("\\frac{1}{3^{50}}", "3^{-50}", true),
        ("\\frac{1}{3^{50}}", "3^{-51}", false),
    ]

    @Test(arguments: cases)
    func strictComparator(gold: String, prediction: String, expected: Bool) {
        let outcome = AnswerEquivalence.compare(gold: gold, prediction: prediction)
        #expect((outcome == .equal) == expected, "\(gold) vs \(prediction): \(outcome)")
    }

    @Test func budgetsRefuseOversizedInput() {
        let huge = String(repeating: "1+", count: 5000) + "1"
        #expect(LatexParser.parse(huge) == nil)
        #expect(AnswerEquivalence.compare(gold: "1", prediction: huge) == .undecided)
    }

    @Test func nestedQuotientsOfHugeValuesCostLinearWork() {
        // Each level overflows Double and is retried in the log domain; before the log domain stopped
        // re-entering itself this took exponential time (depths 12 and 16 did not finish in 5 minutes).
        var gold = "2^{20000}"
        for _ in 0..<40 { gold = "\\frac{2 \\cdot " + gold + "}{3}" }
        #expect(AnswerEquivalence.compare(gold: gold, prediction: "5") == .different)
        #expect(AnswerEquivalence.compare(gold: "\\frac{\\frac{2^{20000}}{3}}{\\frac{2^{19999}}{3}}", prediction: "2") == .equal)
    }

    @Test func pythonRoundingIsHalfEvenOnBinaryValues() {
        #expect(PythonNumbers.round(2.675, 2) == 2.67)
        #expect(PythonNumbers.round(0.125, 2) == 0.12)
        #expect(PythonNumbers.string(1.0) == "1.0")
        #expect(PythonNumbers.float(" 1_000 ") == 1000)
        #expect(PythonNumbers.float("1/2") == nil)
    }
}
