/// One published figure: a model's score on one benchmark, as a source reports it.
public struct PublishedFigure: Sendable, Codable, Hashable {
    /// The benchmark as Proctor names it, `NAME[:SPLIT]` (`mathvista:testmini`), or a name Proctor does not have
    /// (`hellaswag`): such figures are listed but never matched to a run.
    public var benchmark: String
    /// The column heading the source uses (`MathVista(mini)`, `IFEval (Average prompt/inst)`).
    public var reportedAs: String
    /// The benchmark metric the figure is (`inst_level_strict`), nil for the benchmark's headline pass@1.
    public var metric: String?
    /// The figure, in percent.
    public var value: Double
    /// Protocol details that hold for this figure only, over the source's.
    public var protocolDetails: PublishedProtocol?
    /// The defaults of the evaluation tool the source names for this figure's task (lighteval's IFEval task:
    /// greedy, 1280 new tokens), where the source itself is silent; `toolSettingsSource` says where they were read.
    public var toolSettings: PublishedProtocol?
    /// Where `toolSettings` were read (a file of the tool's repository).
    public var toolSettingsSource: String?
    /// The published outputs file the figure was computed from (`gpt-4o_standard(10 options)_cot.jsonl`), when the
    /// source publishes one: a run scored from that file is matched to this figure rather than the model's others.
    public var outputs: String?

    enum CodingKeys: String, CodingKey {
        case benchmark, reportedAs = "reported_as", metric, value, protocolDetails = "protocol"
        case toolSettings = "tool_settings", toolSettingsSource = "tool_settings_source", outputs
    }
}

/// A model as a source names it, with the figures the source gives for it.
public struct PublishedModel: Sendable, Codable, Hashable {
    /// Proctor's id for the model (`skywork-r1v2-38b`), used by `--reproduce ID:BENCHMARK`.
    public var id: String
    /// Other names a run may carry (a hub repository, an API model name, the name the source prints).
    public var aliases: [String]
    /// The figures.
    public var figures: [PublishedFigure]

    /// Whether `name` (a run's label or model name) names this model: equal to its id or an alias, ignoring case,
    /// or the last path component of such a name (`Skywork/Skywork-R1V2-38B` also matches `Skywork-R1V2-38B`).
    ///
    /// - Parameter name: A run's label or model name.
    /// - Returns: Whether it names this model.
    public func isNamed(_ name: String) -> Bool {
        let wanted = PublishedModel.normalized(name)
        return ([id] + aliases).contains { candidate in
            let c = PublishedModel.normalized(candidate)
            return c == wanted || c.split(separator: "/").last.map(String.init) == wanted
                || wanted.split(separator: "/").last.map(String.init) == c
        }
    }

    static func normalized(_ name: String) -> String {
        var s = name.lowercased().trimmingCharacters(in: .whitespaces)
        if s.hasSuffix(".gguf") { s.removeLast(5) }
        return s
    }
}

/// One model card or paper: where the figures come from and what it says about how they were measured.
public struct PublishedSource: Sendable, Codable, Hashable {
    /// A short id (`skywork-r1v2-38b-card`).
    public var id: String
    /// What the source is (`Skywork-R1V2-38B model card, section 2 Evaluation`).
    public var title: String
    /// Where to read it.
    public var url: String
    /// When it was published or last changed (YYYY-MM-DD).
    public var date: String
    /// The source's own words on how it evaluated, quoted exactly (short), or a note that it says nothing.
    public var protocolWording: String
    /// The protocol details the source states for all its figures.
    public var protocolDetails: PublishedProtocol
    /// The models.
    public var models: [PublishedModel]

    enum CodingKeys: String, CodingKey {
        case id, title, url, date, protocolWording = "protocol_wording", protocolDetails = "protocol", models
    }
}

import Foundation
