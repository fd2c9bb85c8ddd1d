import ProctorCore

/// Which chat-completion requests `proctor serve` answers badly on purpose, for testing clients' retries.
///
/// Written as comma-separated `REQUESTS:FAULT` entries, for example `3:500,5:stall,7:drop,9:429`. `REQUESTS` is a
/// request number (counted from 1 over `POST …/chat/completions` requests in arrival order; `/models` is not
/// counted), a range `4-6`, or `*` (every request). `FAULT` is one of:
///
/// - a status code (`500`, `503`, `400`, …): answer with that status and an OpenAI-style error body;
/// - `429` or `429=SECONDS`: answer 429 with `Retry-After: SECONDS` (default 1);
/// - `stall` or `stall=SECONDS`: read the request, then say nothing until the client hangs up or SECONDS pass
///   (default 3600), then close;
/// - `drop`: read the request and close the connection without answering;
/// - `reset`: read the request and abort the connection with a TCP reset.
///
/// When several entries name the same request, the first one wins.
public struct FaultPlan: Sendable, Hashable {
    /// A deliberate misbehaviour.
    public enum Fault: Sendable, Hashable {
        /// Answer with this status and an error body.
        case status(Int)
        /// Answer 429 with this `Retry-After` in seconds.
        case rateLimited(retryAfter: Double)
        /// Say nothing for this many seconds or until the client hangs up.
        case stall(seconds: Double)
        /// Close without answering.
        case drop
        /// Abort with a TCP reset.
        case reset
    }

    /// Which requests an entry applies to.
    public enum Requests: Sendable, Hashable {
        /// Requests whose numbers are in the range.
        case range(ClosedRange<Int>)
        /// Every request.
        case every

        func contains(_ number: Int) -> Bool {
            switch self {
            case .range(let range): range.contains(number)
            case .every: true
            }
        }
    }

    /// The entries, in the order written.
    public var entries: [(requests: Requests, fault: Fault)] {
        storage.map { ($0.requests, $0.fault) }
    }

    private struct Entry: Sendable, Hashable {
        var requests: Requests
        var fault: Fault
    }

    private var storage: [Entry]

    /// A plan without faults.
    public init() {
        storage = []
    }

    /// Parses a plan.
    ///
    /// - Parameter text: Entries such as `3:500,5:stall,7:drop,9:429`.
    /// - Throws: `ProctorError.invalidArgument` naming the entry that cannot be read.
    public init(parsing text: String) throws {
        storage = []
        for raw in text.split(separator: ",") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            let fields = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard fields.count == 2 else {
                throw Self.invalid(entry, "write REQUESTS:FAULT, for example 3:500")
            }
            storage.append(Entry(requests: try Self.requests(fields[0], entry: entry), fault: try Self.fault(fields[1], entry: entry)))
        }
    }

    /// The fault for request number `number` (from 1), if any.
    public func fault(forRequest number: Int) -> Fault? {
        storage.first { $0.requests.contains(number) }?.fault
    }

    private static func requests(_ text: String, entry: String) throws -> Requests {
        if text == "*" { return .every }
        let bounds = text.split(separator: "-", maxSplits: 1).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let first = bounds.first ?? nil, first >= 1 else {
            throw invalid(entry, "requests are numbered from 1: write N, N-M or *")
        }
        guard bounds.count == 2 else { return .range(first...first) }
        guard let last = bounds[1], last >= first else {
            throw invalid(entry, "a range is N-M with M ≥ N")
        }
        return .range(first...last)
    }

    private static func fault(_ text: String, entry: String) throws -> Fault {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let name = parts[0].lowercased()
        var argument: Double?
        if parts.count == 2 {
            guard let value = Double(parts[1]), value.isFinite, value >= 0 else {
                throw invalid(entry, "\(parts[1]) is not a number of seconds")
            }
            argument = value
        }
        switch name {
        case "429": return .rateLimited(retryAfter: argument ?? 1)
        case "stall": return .stall(seconds: argument ?? 3600)
        case "drop" where argument == nil: return .drop
        case "reset" where argument == nil: return .reset
        default:
            guard argument == nil, let status = Int(name), (400...599).contains(status) else {
                throw invalid(entry, "a fault is an HTTP status 400–599, 429[=SECONDS], stall[=SECONDS], drop or reset")
            }
            return .status(status)
        }
    }

    private static func invalid(_ entry: String, _ hint: String) -> ProctorError {
        ProctorError(.invalidArgument, "--faults entry \"\(entry)\" cannot be read: \(hint)")
    }
}
