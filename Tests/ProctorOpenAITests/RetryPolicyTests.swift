import Foundation
import ProctorOpenAI
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("delays grow exponentially, stay within [d/2, d], are capped, and repeat for the same seed")
    func backoff() {
        let policy = RetryPolicy(maxRetries: 10, baseDelay: 1, maxDelay: 8)
        for retry in 0..<8 {
            let full = min(8, pow(2, Double(retry)))
            let delay = policy.delay(beforeRetry: retry, seed: 42, retryAfter: nil)
            #expect(delay >= full / 2 && delay <= full, "retry \(retry): \(delay) outside [\(full / 2), \(full)]")
            #expect(delay == policy.delay(beforeRetry: retry, seed: 42, retryAfter: nil))
        }
        let jitters = Set((0..<20).map { policy.delay(beforeRetry: 3, seed: UInt64($0), retryAfter: nil) })
        #expect(jitters.count == 20, "different seeds must not retry in lock step")
    }

    @Test("Retry-After replaces the computed delay and is capped")
    func retryAfter() {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: 1, maxDelay: 8, maxRetryAfter: 5)
        #expect(policy.delay(beforeRetry: 0, seed: 1, retryAfter: 3) == 3)
        #expect(policy.delay(beforeRetry: 2, seed: 1, retryAfter: 0) == 0)
        #expect(policy.delay(beforeRetry: 0, seed: 1, retryAfter: 120) == 5)
    }

    @Test("Retry-After is read as seconds or as an HTTP date", arguments: [
        ("2", 2.0), ("0.5", 0.5), (" 10 ", 10.0), ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0), ("soon", -1.0), ("-3", -1.0),
    ])
    func parseRetryAfter(value: String, expected: Double) {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        let parsed = RetryPolicy.parseRetryAfter(value, now: now)
        if expected < 0 {
            #expect(parsed == nil)
        } else {
            #expect(parsed == expected)
        }
    }

    @Test("429, 408 and 5xx are retried; other 4xx are not", arguments: [
        (429, true), (408, true), (500, true), (502, true), (503, true), (504, true),
        (400, false), (401, false), (404, false), (413, false), (422, false),
    ])
    func retryable(status: Int, expected: Bool) {
        #expect(RetryPolicy.isRetryable(status: status) == expected)
    }
}
