import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore

/// The function documentation of a multi-turn entry, as `process_multi_turn_test_case` builds it: the docs of
/// every involved class (`multi_turn_func_doc/<file>.json`, one function per line) in class order, with the
/// functions an entry holds out (`missed_function`, per turn) moved out of the list into that turn.
enum BFCLFunctionDocs {
    /// `MULTI_TURN_FUNC_DOC_FILE_MAPPING`.
    static let files: [String: String] = [
        "GorillaFileSystem": "gorilla_file_system.json", "MathAPI": "math_api.json", "MessageAPI": "message_api.json",
        "TwitterAPI": "posting_api.json", "TicketAPI": "ticket_api.json", "TradingBot": "trading_bot.json",
        "TravelAPI": "travel_booking.json", "VehicleControlAPI": "vehicle_control.json",
    ]

    /// An entry's functions and its held-out functions per turn (the turn index as text, in the entry's order).
    ///
    /// - Throws: `ProctorError` naming the entry (`context`) for an unknown class, or the doc file that is missing or malformed.
    static func functions(entry: PyValue, folder: URL, context: String) throws -> (functions: [PyValue], holdout: [(turn: String, functions: [PyValue])]) {
        guard let classes = entry["involved_classes"]?.elements?.compactMap(\.stringValue) else {
            throw ProctorError(.invalidInput, "\(context): a multi-turn entry without \"involved_classes\"")
        }
        var functions: [PyValue] = []
        for name in classes {
            guard let file = files[name] else {
                throw ProctorError(.invalidInput, "\(context): unknown involved class \(name); known: \(files.keys.sorted().joined(separator: ", "))")
            }
            let url = folder.appendingPathComponent("multi_turn_func_doc").appendingPathComponent(file)
            functions += try BFCLFiles.lines(url).map { PyValue(json: $0.tree) }
        }
        var holdout: [(turn: String, functions: [PyValue])] = []
        for (turn, names) in entry["missed_function"]?.dictValue ?? [] {
            var moved: [PyValue] = []
            for name in names.elements ?? [] {
                if let index = functions.firstIndex(where: { $0["name"] == name }) {
                    moved.append(functions.remove(at: index))
                }
            }
            holdout.append((turn.stringValue ?? turn.description, moved))
        }
        return (functions, holdout)
    }
}
