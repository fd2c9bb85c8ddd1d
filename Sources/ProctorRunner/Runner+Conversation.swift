import ProctorCore
import ProctorStore

extension Runner {
    /// Holds one sample's multi-step conversation through the benchmark's driver, then scores and stores it as one
    /// sample: the output is what the driver returns (every step's raw text and the fed-back results), the prompt
    /// the whole conversation. A failed generation is stored with its error and the steps done before it (the
    /// sample counts as failed, and a resumed run does the whole conversation again). Returns nil when cancelled.
    func converse(
        _ unit: WorkUnit, driver: any ConversationDriver, key: SampleKey, parameters: GenerationParameters, run: RunRecord, plan: RunPlan
    ) async throws -> Outcome? {
        let started = ContinuousClock.now
        let conversation: Conversation
        do {
            conversation = try await driver.converse(unit.item, parameters: parameters, backend: backend)
        } catch {
            return nil
        }
        if Task.isCancelled { return nil }
        if let message = conversation.error {
            logger.warning("\(key.benchmark) item \(unit.item.id) sample \(unit.sampleIndex): \(message)")
        }
        let sample = SampleRecord(
            runID: run.runID, key: key, seed: parameters.seed, promptJSON: JSONCoding.canonical(conversation.messages),
            imageHashes: unit.item.images.map(\.sha256), output: conversation.output, finishReason: conversation.finishReason,
            promptTokens: conversation.promptTokens, completionTokens: conversation.completionTokens,
            latencyMs: (ContinuousClock.now - started).seconds * 1000, error: conversation.error, shard: plan.shard?.description,
            host: plan.host)
        let scores = await Self.score(sample: sample, item: unit.item, scorer: unit.scorer)
        try database.record(sample, scores: scores)
        let official = scores.first { $0.mode == .official }?.verdict.correct ?? false
        return Outcome(failed: conversation.error != nil, correct: official, tokens: conversation.completionTokens)
    }
}
