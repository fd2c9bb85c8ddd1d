import Foundation
import FunctionCallChecks
import PythonCompat

/// `TradingBot` (`func_source_code/trading_bot.py`): a brokerage account with orders, stocks, a watch list and
/// transactions. Without `long_context` only: the long-context variant adds the official extension lists, which are
/// not ported.
public struct TradingBot: MultiTurnAPI {
    public static let className = "TradingBot"
    public static let methods: [String: [MultiTurnParameter]] = [
        "get_current_time": [], "update_market_status": [.init("current_time_str")], "get_symbol_by_name": [.init("name")],
        "get_stock_info": [.init("symbol")], "get_order_details": [.init("order_id")], "cancel_order": [.init("order_id")],
        "place_order": [.init("order_type"), .init("symbol"), .init("price"), .init("amount")],
        "make_transaction": [.init("account_id"), .init("xact_type"), .init("amount")], "get_account_info": [],
        "trading_login": [.init("username"), .init("password")], "trading_get_login_status": [], "trading_logout": [],
        "fund_account": [.init("amount")], "remove_stock_from_watchlist": [.init("symbol")], "get_watchlist": [],
        "get_order_history": [],
        "get_transaction_history": [.init("start_date", default: PyValue.none), .init("end_date", default: PyValue.none)],
        "update_stock_price": [.init("symbol"), .init("new_price")], "get_available_stocks": [.init("sector")],
        "filter_stocks_by_price": [.init("stocks"), .init("min_price"), .init("max_price")], "add_to_watchlist": [.init("stock")],
        "notify_price_change": [.init("stocks"), .init("threshold")],
    ]

    /// The public attributes: `orders` (keyed by order id), `account_info`, `authenticated`, `market_status`,
    /// `order_counter` and `stocks` (keyed by symbol), as Python values.
    var orders, accountInfo, authenticated, marketStatus, orderCounter, stocks: PyValue
    var watchList: [PyValue]
    var transactionHistory: [PyValue]
    var longContext: Bool
    var random: PythonRandom

    public init(scenario: PyValue, longContext: Bool) {
        func value(_ key: String) -> PyValue { scenario[key] ?? Self.defaults[key] ?? .none }
        // Keys that are digit strings become ints, as `_load_scenario` converts them.
        orders = .dict((value("orders").dictValue ?? []).map { member in
            if case .string(let text) = member.key, !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let id = Int(text) {
                return (.int(id), member.value)
            }
            return member
        })
        accountInfo = value("account_info")
        authenticated = value("authenticated")
        marketStatus = value("market_status")
        orderCounter = value("order_counter")
        stocks = value("stocks")
        watchList = value("watch_list").elements ?? []
        transactionHistory = value("transaction_history").elements ?? []
        self.longContext = longContext
        var seed: UInt32 = 1_053_520
        if case .int(let given)? = scenario["random_seed"], let exact = UInt32(exactly: given) { seed = exact }
        random = PythonRandom(seed: seed)
    }

    public var state: PyValue {
        .dict([
            ("orders", orders), ("account_info", accountInfo), ("authenticated", authenticated), ("market_status", marketStatus),
            ("order_counter", orderCounter), ("stocks", stocks), ("watch_list", .list(watchList)),
            ("transaction_history", .list(transactionHistory)), ("long_context", .bool(longContext)),
        ].map { (.string($0.0), $0.1) })
    }

    static func result(_ members: KeyValuePairs<String, PyValue>) -> PyValue { .dict(members.map { (.string($0.key), $0.value) }) }
    static func error(_ message: String) -> PyValue { result(["error": .string(message)]) }

    /// `d[key] = value` on a dictionary keyed by any value (Python equality of keys).
    static func setting(_ dictionary: PyValue, _ key: PyValue, _ value: PyValue) -> PyValue {
        var members = dictionary.dictValue ?? []
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append((key, value)) }
        return .dict(members)
    }

    /// `_generate_transaction_timestamp`: a random second of the day after 2024-09-01 10:30 local time, formatted.
    mutating func transactionTimestamp() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let start = calendar.date(from: DateComponents(year: 2024, month: 9, day: 1, hour: 10, minute: 30)) ?? Date()
        let startSeconds = Int(start.timeIntervalSince1970)
        let endSeconds = Int(start.addingTimeInterval(86_400).timeIntervalSince1970)
        let moment = Date(timeIntervalSince1970: TimeInterval(random.randint(startSeconds, endSeconds)))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
