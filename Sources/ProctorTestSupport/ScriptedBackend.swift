import Foundation
import ProctorCore
import Synchronization

/// A test double for `InferenceBackend`: answers with a function of the request, counts calls, and can fail or
/// wait on request.
public final class ScriptedBackend: InferenceBackend {
    public let identity: ModelIdentity
    private let respond: @Sendable (GenerationRequest, Int) async throws -> GenerationResult
    private let counter = Mutex(0)
    private let seen = Mutex<[GenerationRequest]>([])

    /// Creates a backend.
    ///
    /// - Parameters:
    ///   - name: The model name it reports.
    ///   - respond: Produces the result for a request and its 0-based call number.
    public init(name: String = "scripted", respond: @escaping @Sendable (GenerationRequest, Int) async throws -> GenerationResult) {
        identity = ModelIdentity(kind: "scripted", name: name, location: "memory")
        self.respond = respond
    }

    public func generate(_ request: GenerationRequest) async throws -> GenerationResult {
        let call = counter.withLock { n -> Int in
            defer { n += 1 }
            return n
        }
        seen.withLock { $0.append(request) }
        try Task.checkCancellation()
        return try await respond(request, call)
    }

    /// How many requests it received.
    public var calls: Int { counter.withLock { $0 } }

    /// Every request it received, in arrival order.
    public var requests: [GenerationRequest] { seen.withLock { $0 } }

    /// A backend whose output for an item is a reasoning trace and a boxed answer that is right for a
    /// deterministic, seed-dependent subset of samples (about `accuracy` of them).
    ///
    /// - Parameters:
    ///   - answers: Gold answers by the prompt's text.
    ///   - accuracy: The share of samples answered correctly.
    ///   - name: The model name.
    public static func mathSolver(answers: [String: String], accuracy: Double, name: String = "scripted-solver") -> ScriptedBackend {
        ScriptedBackend(name: name) { request, _ in
            let prompt = request.messages.map(\.text).joined()
            let gold = answers[prompt] ?? "0"
            let roll = Double(StableHash.splitMix64(request.parameters.seed) % 10_000) / 10_000
            let answer = roll < accuracy ? gold : "\((Int(gold) ?? 0) + 1)"
            return GenerationResult(
                text: "<think>Working it out (seed \(request.parameters.seed)).</think>\nThe answer is $\\boxed{\(answer)}$.",
                finishReason: .stop, promptTokens: prompt.count / 4, completionTokens: 20)
        }
    }
}
