import Foundation

/// Log-magnitude evaluation for values beyond `Double` (`(3^{1008}-1)/3^{1009}`): each value is carried as
/// (sign, natural log of its magnitude), so quotients of astronomically large numbers still come out right.
extension MathEvaluator {
    /// A value as sign and log-magnitude.
    struct LogValue {
        var sign: Double
        var log: Double
    }

    /// The quotient `a / b` computed in the log domain when direct evaluation overflows.
    static func logQuotient(_ a: MathNode, _ b: MathNode, bindings: [String: Double]) -> MathValue? {
        guard let x = logMagnitude(a, bindings: bindings), let y = logMagnitude(b, bindings: bindings),
              y.sign != 0, x.log.isFinite, y.log.isFinite else { return nil }
        if x.sign == 0 { return MathValue(.zero) }
        let result = x.sign * y.sign * Foundation.exp(x.log - y.log)
        return result.isFinite ? MathValue(result) : nil
    }

    static func logMagnitude(_ node: MathNode, bindings: [String: Double], depth: Int = 0) -> LogValue? {
        guard depth < 64 else { return nil }
        if let direct = evaluate(node, bindings: bindings, logDomain: false)?.approximate, direct.isFinite {
            return direct == 0 ? LogValue(sign: 0, log: -.infinity) : LogValue(sign: direct < 0 ? -1 : 1, log: Foundation.log(abs(direct)))
        }
        switch node {
        case .negate(let a):
            guard let v = logMagnitude(a, bindings: bindings, depth: depth + 1) else { return nil }
            return LogValue(sign: -v.sign, log: v.log)
        case .product(let factors):
            var total = LogValue(sign: 1, log: 0)
            for f in factors {
                guard let v = logMagnitude(f, bindings: bindings, depth: depth + 1) else { return nil }
                total = LogValue(sign: total.sign * v.sign, log: total.log + v.log)
            }
            return total
        case .quotient(let a, let b):
            guard let x = logMagnitude(a, bindings: bindings, depth: depth + 1), let y = logMagnitude(b, bindings: bindings, depth: depth + 1),
                  y.sign != 0 else { return nil }
            return LogValue(sign: x.sign * y.sign, log: x.log - y.log)
        case .power(let base, let exponent):
            guard let e = evaluate(exponent, bindings: bindings, logDomain: false)?.approximate, e.isFinite,
                  let b = logMagnitude(base, bindings: bindings, depth: depth + 1), b.sign > 0 else { return nil }
            return LogValue(sign: 1, log: e * b.log)
        case .sum(let terms):
            let values = terms.compactMap { logMagnitude($0, bindings: bindings, depth: depth + 1) }
            guard values.count == terms.count, let top = values.map(\.log).max(), top.isFinite else { return nil }
            let scaled = values.reduce(0.0) { $0 + $1.sign * Foundation.exp($1.log - top) }
            guard scaled != 0 else { return LogValue(sign: 0, log: -.infinity) }
            return LogValue(sign: scaled < 0 ? -1 : 1, log: top + Foundation.log(abs(scaled)))
        default:
            return nil
        }
    }
}
