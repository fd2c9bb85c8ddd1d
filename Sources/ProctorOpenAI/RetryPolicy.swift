import Foundation
import ProctorCore

/// How often and how long `OpenAIBackend` waits before trying a failed request again.
///
/// Delays grow exponentially (`baseDelay` × 2^attempt, capped at `maxDelay`) with "equal jitter": half of the delay
/// is fixed and half is drawn from a SplitMix64 stream seeded by the request's seed and the attempt number, so that
/// the same run waits the same way every time while concurrent requests do not retry in lock step. A server's
/// `Retry-After` replaces the computed delay (capped at `maxRetryAfter`).
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// Retries after the first attempt (0: no retries).
    public var maxRetries: Int
    /// The delay before the first retry, in seconds, before jitter.
    public var baseDelay: Double
    /// The largest computed delay, in seconds.
    public var maxDelay: Double
    /// The longest `Retry-After` honoured, in seconds; longer ones are cut to this.
    public var maxRetryAfter: Double

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxRetries: Retries after the first attempt.
    ///   - baseDelay: The first delay in seconds.
    ///   - maxDelay: The largest computed delay in seconds.
    ///   - maxRetryAfter: The longest server-requested delay honoured, in seconds.
    public init(maxRetries: Int = 4, baseDelay: Double = 1, maxDelay: Double = 30, maxRetryAfter: Double = 60) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    enum CodingKeys: String, CodingKey {
        case maxRetries = "max_retries", baseDelay = "base_delay", maxDelay = "max_delay"
        case maxRetryAfter = "max_retry_after"
    }

    /// The wait before retry number `retry` (0 for the first retry).
    ///
    /// - Parameters:
    ///   - retry: Which retry this is, from 0.
    ///   - seed: The request's seed; the jitter is a fixed function of it and `retry`.
    ///   - retryAfter: The server's `Retry-After` in seconds, if it sent one.
    /// - Returns: The delay in seconds.
    public func delay(beforeRetry retry: Int, seed: UInt64, retryAfter: Double?) -> Double {
        if let retryAfter {
            return min(max(0, retryAfter), maxRetryAfter)
        }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(min(retry, 30))))
        let draw = StableHash.splitMix64(seed ^ StableHash.splitMix64(UInt64(retry) &+ 0x5851_f42d_4c95_7f2d))
        let unit = Double(draw >> 11) / Double(1 << 53)
        return exponential / 2 + unit * exponential / 2
    }

    /// Reads a `Retry-After` header: delay seconds (`"2"`, `"0.5"`) or an HTTP date.
    ///
    /// - Parameters:
    ///   - value: The header's value.
    ///   - now: The current time, for HTTP dates.
    /// - Returns: The delay in seconds, or nil when the value is neither form.
    public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 {
            return seconds
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Whether an HTTP status is worth retrying: 408 (request timeout), 409 (conflict), 425, 429 (rate limited) and
    /// every 5xx.
    ///
    /// - Parameter status: The HTTP status code.
    /// - Returns: True when the same request may succeed later.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 425 || status == 429 || (500...599).contains(status)
    }
}
