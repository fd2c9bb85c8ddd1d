import Foundation
import FunctionCallChecks
import PythonCompat

/// The methods of `TradingBot`, with the official checks in the official order.
extension TradingBot {
    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        if longContext { throw MultiTurnError("TradingBot with long_context is not ported to Swift yet") }
        typealias Py = PythonOperations
        switch method {
        case "get_current_time":
            return Self.result(["current_time": .string("10:30 AM")])
        case "update_market_status":
            let minutes = try Self.clockMinutes(a["current_time_str"]!)
            let open = minutes >= 9 * 60 + 30 && minutes <= 16 * 60
            marketStatus = .string(open ? "Open" : "Closed")
            return Self.result(["status": marketStatus])
        case "get_symbol_by_name":
            return Self.result(["symbol": .string(Self.symbols.first { a["name"]! == .string($0.0) }?.1 ?? "Stock not found")])
        case "get_stock_info":
            let symbol = a["symbol"]!
            guard let stock = stocks.dictValue?.first(where: { $0.key == symbol })?.value else {
                return Self.error("Stock with symbol '\(symbol.str)' not found.")
            }
            return stock
        case "get_order_details":
            let id = a["order_id"]!
            guard let order = orders.dictValue?.first(where: { $0.key == id })?.value else {
                let ids = PyValue.list(orders.dictValue?.map(\.key) ?? [])
                return Self.error("Order with ID \(id.str) not found.Here is the list of orders_id: \(ids)")
            }
            return order
        case "cancel_order":
            let id = a["order_id"]!
            guard var order = orders.dictValue?.first(where: { $0.key == id })?.value else { return Self.error("Order with ID \(id.str) not found.") }
            if order["status"] == .string("Completed") { return Self.error("Can't cancel order \(id.str). Order is already completed.") }
            order.set("status", .string("Cancelled"))
            orders = Self.setting(orders, id, order)
            return Self.result(["order_id": id, "status": .string("Cancelled")])
        case "place_order":
            guard authenticated.truthy else { return Self.error("User not authenticated. Please log in to place an order.") }
            let symbol = a["symbol"]!, amount = a["amount"]!
            guard stocks.dictValue?.contains(where: { $0.key == symbol }) == true else { return Self.error("Invalid stock symbol: \(symbol.str)") }
            if try !Py.less(.int(0), a["price"]!, "<=") || !Py.less(.int(0), amount, "<=") {
                return Self.error("Price and amount must be positive values.")
            }
            let price = try Py.float(a["price"]!)
            let id = orderCounter
            orders = Self.setting(orders, id, Self.result([
                "id": id, "order_type": a["order_type"]!, "symbol": symbol, "price": price, "amount": amount, "status": .string("Open"),
            ]))
            orderCounter = try Py.arithmetic(orderCounter, "+", .int(1))
            return Self.result(["order_id": id, "order_type": a["order_type"]!, "status": .string("Pending"), "price": price, "amount": amount])
        case "make_transaction":
            guard authenticated.truthy else { return Self.error("User not authenticated. Please log in to make a transaction.") }
            if marketStatus != .string("Open") { return Self.error("Market is closed. Transactions are not allowed.") }
            let account = a["account_id"]!, amount = a["amount"]!, kind = a["xact_type"]!
            if account != (accountInfo["account_id"] ?? .none) { return Self.error("Account with ID \(account.str) not found.") }
            if try !Py.less(.int(0), amount, "<=") { return Self.error("Transaction amount must be positive.") }
            if kind == .string("deposit") { return try moveMoney(amount, "deposit", "Deposit successful") }
            if kind == .string("withdrawal") {
                if try Py.less(accountInfo["balance"] ?? .none, amount, ">") { return Self.error("Insufficient funds for withdrawal.") }
                return try moveMoney(amount, "withdrawal", "Withdrawal successful")
            }
            return Self.error("Invalid transaction type. Use 'deposit' or 'withdrawal'.")
        case "get_account_info":
            guard authenticated.truthy else { return Self.error("User not authenticated. Please log in to view account information.") }
            return accountInfo
        case "trading_login":
            if authenticated.truthy { return Self.result(["status": .string("Already logged in")]) }
            authenticated = .bool(true)
            return Self.result(["status": .string("Logged in successfully")])
        case "trading_get_login_status":
            return Self.result(["status": .bool(authenticated.truthy)])
        case "trading_logout":
            guard authenticated.truthy else { return Self.result(["status": .string("No user is currently logged in")]) }
            authenticated = .bool(false)
            return Self.result(["status": .string("Logged out successfully")])
        case "fund_account":
            guard authenticated.truthy else { return Self.error("User not authenticated. Please log in to fund the account.") }
            let amount = a["amount"]!
            if try !Py.less(.int(0), amount, "<=") { return Self.error("Funding amount must be positive.") }
            return try moveMoney(amount, "deposit", "Account funded successfully")
        case "remove_stock_from_watchlist":
            guard authenticated.truthy else { return Self.error("User not authenticated. Please log in to modify the watchlist.") }
            let symbol = a["symbol"]!
            guard let index = watchList.firstIndex(of: symbol) else { return Self.error("Stock \(symbol.str) not found in watchlist.") }
            watchList.remove(at: index)
            return Self.result(["status": .string("Stock \(symbol.str) removed from watchlist successfully.")])
        case "get_watchlist":
            guard authenticated.truthy else { return .list([.string("Error: User not authenticated. Please log in to view the watchlist.")]) }
            return Self.result(["watchlist": .list(watchList)])
        case "get_order_history":
            guard authenticated.truthy else { return .list([Self.error("User not authenticated. Please log in to view order history.")]) }
            return Self.result(["history": .list(orders.dictValue?.map(\.key) ?? [])])
        case "get_transaction_history":
            guard authenticated.truthy else { return .list([Self.error("User not authenticated. Please log in to view transaction history.")]) }
            return Self.result(["transaction_history": .list(try transactions(from: a["start_date"]!, to: a["end_date"]!))])
        case "update_stock_price":
            let symbol = a["symbol"]!, price = a["new_price"]!
            guard var stock = stocks.dictValue?.first(where: { $0.key == symbol })?.value else {
                return Self.error("Stock with symbol '\(symbol.str)' not found.")
            }
            if try !Py.less(.int(0), price, "<=") { return Self.error("New price must be a positive value.") }
            let old = stock["price"] ?? .none
            stock.set("price", price)
            stock.set("percent_change", try Py.arithmetic(try Py.arithmetic(try Py.arithmetic(price, "-", old), "/", old), "*", .int(100)))
            stocks = Self.setting(stocks, symbol, stock)
            return Self.result(["symbol": symbol, "old_price": old, "new_price": price])
        case "get_available_stocks":
            let sectors: [(String, [String])] = [("Technology", ["AAPL", "GOOG", "MSFT", "NVDA"]), ("Automobile", ["TSLA", "F", "GM"])]
            return Self.result(["stock_list": .list((sectors.first { a["sector"]! == .string($0.0) }?.1 ?? []).map(PyValue.string))])
        case "filter_stocks_by_price":
            var kept: [PyValue] = []
            for symbol in try VehicleControlAPI.iterate(a["stocks"]!) {
                let price = stocks.dictValue?.first { $0.key == symbol }?.value["price"] ?? .int(0)
                if try !Py.less(price, a["min_price"]!, ">="), try !Py.less(a["max_price"]!, price, "<=") { kept.append(symbol) }
            }
            return Self.result(["filtered_stocks": .list(kept)])
        case "add_to_watchlist":
            let stock = a["stock"]!
            if !watchList.contains(stock), stocks.dictValue?.contains(where: { $0.key == stock }) == true { watchList.append(stock) }
            return Self.result(["symbol": .list(watchList)])
        case "notify_price_change":
            var changed: [String] = []
            for symbol in try VehicleControlAPI.iterate(a["stocks"]!) {
                guard let stock = stocks.dictValue?.first(where: { $0.key == symbol })?.value else { continue }
                guard let change = stock["percent_change"]?.number else { throw MultiTurnError("bad operand type for abs(): 'NoneType'") }
                if try !Py.less(.float(abs(change)), a["threshold"]!, ">=") {
                    guard let name = symbol.stringValue else { throw MultiTurnError("sequence item 0: expected str instance, \(symbol.kind.rawValue) found") }
                    changed.append(name)
                }
            }
            if changed.isEmpty { return Self.result(["notification": .string("No significant price changes in the selected stocks.")]) }
            return Self.result(["notification": .string("Stocks \(changed.joined(separator: ", ")) have significant price changes.")])
        default:
            throw MultiTurnError("'TradingBot' object has no attribute '\(method)'")
        }
    }

    static let symbols: [(String, String)] = [
        ("Apple", "AAPL"), ("Google", "GOOG"), ("Tesla", "TSLA"), ("Microsoft", "MSFT"), ("Nvidia", "NVDA"), ("Zeta Corp", "ZETA"),
        ("Alpha Tech", "ALPH"), ("Omega Industries", "OMEG"), ("Quasar Ltd.", "QUAS"), ("Neptune Systems", "NEPT"),
        ("Synex Solutions", "SYNX"), ("Amazon", "AMZN"),
    ]

    /// A deposit or withdrawal: the balance moved, the transaction recorded with a random timestamp.
    mutating func moveMoney(_ amount: PyValue, _ kind: String, _ status: String) throws -> PyValue {
        let balance = try PythonOperations.arithmetic(accountInfo["balance"] ?? .none, kind == "deposit" ? "+" : "-", amount)
        accountInfo.set("balance", balance)
        transactionHistory.append(Self.result(["type": .string(kind), "amount": amount, "timestamp": .string(transactionTimestamp())]))
        return Self.result(["status": .string(status), "new_balance": balance])
    }

    /// `datetime.strptime(text, "%I:%M %p").time()` as minutes after midnight.
    static func clockMinutes(_ value: PyValue) throws -> Int {
        guard case .string(let text) = value else { throw MultiTurnError("strptime() argument 1 must be str, not \(value.kind.rawValue)") }
        let pattern = #"^(1[0-2]|0[1-9]|[1-9]):([0-5]\d|\d) (am|pm)$"#
        guard let regex = try? Regex(pattern).ignoresCase(), let match = try? regex.wholeMatch(in: text),
              let hour = match[1].substring.flatMap({ Int($0) }), let minute = match[2].substring.flatMap({ Int($0) }),
              let half = match[3].substring?.lowercased() else {
            throw MultiTurnError("time data \(value) does not match format '%I:%M %p'")
        }
        return ((hour % 12) + (half == "pm" ? 12 : 0)) * 60 + minute
    }

    /// `get_transaction_history`'s filter: transactions whose timestamp lies between the two dates (midnight), either
    /// side open when its date is falsy.
    func transactions(from start: PyValue, to end: PyValue) throws -> [PyValue] {
        func bound(_ date: PyValue, _ open: String) throws -> String {
            guard date.truthy else { return open }
            guard let day = try PythonOperations.date(date) else {
                throw MultiTurnError("time data \(date) does not match format '%Y-%m-%d'")
            }
            return String(format: "%04d-%02d-%02d 00:00:00", day.year, day.month, day.day)
        }
        let lower = try bound(start, "0001-01-01 00:00:00"), upper = try bound(end, "9999-12-31 23:59:59")
        return try transactionHistory.filter { transaction in
            guard let stamp = transaction["timestamp"]?.stringValue else { throw MultiTurnError("'timestamp'") }
            return stamp >= lower && stamp <= upper
        }
    }
}
