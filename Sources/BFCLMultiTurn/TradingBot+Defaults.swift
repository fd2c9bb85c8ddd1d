import FunctionCallChecks

/// `DEFAULT_STATE` of `trading_bot.py`: what `_load_scenario` takes for a key the scenario does not have.
extension TradingBot {
    static let defaults: [String: PyValue] = [
        "orders": .dict([(.int(12345), .dict([(.string("id"), .int(12345)), (.string("order_type"), .string("Buy")), (.string("symbol"), .string("AAPL")), (.string("price"), .float(210.65)), (.string("amount"), .int(10)), (.string("status"), .string("Completed"))])), (.int(12446), .dict([(.string("id"), .int(12446)), (.string("order_type"), .string("Sell")), (.string("symbol"), .string("GOOG")), (.string("price"), .float(2840.56)), (.string("amount"), .int(5)), (.string("status"), .string("Pending"))]))]),
        "account_info": .dict([(.string("account_id"), .int(12345)), (.string("balance"), .float(10000.0)), (.string("binding_card"), .int(1974202140965533))]),
        "authenticated": .bool(false),
        "market_status": .string("Closed"),
        "order_counter": .int(12446),
        "watch_list": .list([.string("NVDA")]),
        "transaction_history": .list([]),
        "stocks": .dict([
            (.string("AAPL"), .dict([(.string("price"), .float(227.16)), (.string("percent_change"), .float(0.17)), (.string("volume"), .float(2.552)), (.string("MA(5)"), .float(227.11)), (.string("MA(20)"), .float(227.09))])),
            (.string("GOOG"), .dict([(.string("price"), .float(2840.34)), (.string("percent_change"), .float(0.24)), (.string("volume"), .float(1.123)), (.string("MA(5)"), .float(2835.67)), (.string("MA(20)"), .float(2842.15))])),
            (.string("TSLA"), .dict([(.string("price"), .float(667.92)), (.string("percent_change"), .float(-0.12)), (.string("volume"), .float(1.654)), (.string("MA(5)"), .float(671.15)), (.string("MA(20)"), .float(668.2))])),
            (.string("MSFT"), .dict([(.string("price"), .float(310.23)), (.string("percent_change"), .float(0.09)), (.string("volume"), .float(3.234)), (.string("MA(5)"), .float(309.88)), (.string("MA(20)"), .float(310.11))])),
            (.string("NVDA"), .dict([(.string("price"), .float(220.34)), (.string("percent_change"), .float(0.34)), (.string("volume"), .float(1.234)), (.string("MA(5)"), .float(220.45)), (.string("MA(20)"), .float(220.67))])),
            (.string("ALPH"), .dict([(.string("price"), .float(1320.45)), (.string("percent_change"), .float(-0.08)), (.string("volume"), .float(1.567)), (.string("MA(5)"), .float(1321.12)), (.string("MA(20)"), .float(1325.78))])),
            (.string("OMEG"), .dict([(.string("price"), .float(457.23)), (.string("percent_change"), .float(0.12)), (.string("volume"), .float(2.345)), (.string("MA(5)"), .float(456.78)), (.string("MA(20)"), .float(458.12))])),
            (.string("QUAS"), .dict([(.string("price"), .float(725.89)), (.string("percent_change"), .float(-0.03)), (.string("volume"), .float(1.789)), (.string("MA(5)"), .float(726.45)), (.string("MA(20)"), .float(728.0))])),
            (.string("NEPT"), .dict([(.string("price"), .float(88.34)), (.string("percent_change"), .float(0.19)), (.string("volume"), .float(0.654)), (.string("MA(5)"), .float(88.21)), (.string("MA(20)"), .float(88.67))])),
            (.string("SYNX"), .dict([(.string("price"), .float(345.67)), (.string("percent_change"), .float(0.11)), (.string("volume"), .float(2.112)), (.string("MA(5)"), .float(345.34)), (.string("MA(20)"), .float(346.12))])),
            (.string("ZETA"), .dict([(.string("price"), .float(22.09)), (.string("percent_change"), .float(-0.05)), (.string("volume"), .float(0.789)), (.string("MA(5)"), .float(22.12)), (.string("MA(20)"), .float(22.34))])),
        ]),
    ]
}
