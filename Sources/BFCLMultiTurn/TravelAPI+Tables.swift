import FunctionCallChecks

/// The fixed tables of `TravelAPI`: routes and their base costs, airports, and the long-context extension records.
extension TravelAPI {
    /// Base costs in USD by (from, to), in the official order (the long-context cost list follows it).
    static let baseCosts: [(from: String, to: String, cost: Int)] = [
        ("SFO", "LAX", 200), ("SFO", "JFK", 500), ("SFO", "ORD", 400), ("SFO", "BOS", 450), ("SFO", "RMS", 300),
        ("SFO", "SBK", 350), ("SFO", "MPC", 370), ("SFO", "SVP", 320), ("SFO", "SHD", 330), ("SFO", "SSV", 340),
        ("SFO", "OKD", 360), ("SFO", "WLB", 310), ("SFO", "CRH", 380), ("SFO", "ATV", 390), ("SFO", "PHV", 420),
        ("SFO", "GFD", 430), ("SFO", "CIA", 700), ("LAX", "SFO", 100), ("LAX", "JFK", 600), ("LAX", "ORD", 500),
        ("LAX", "BOS", 550), ("LAX", "RMS", 310), ("LAX", "SBK", 320), ("LAX", "MPC", 330), ("LAX", "SVP", 340),
        ("LAX", "SHD", 350), ("LAX", "SSV", 360), ("LAX", "OKD", 370), ("LAX", "WLB", 380), ("LAX", "CRH", 390),
        ("LAX", "ATV", 400), ("LAX", "PHV", 410), ("LAX", "GFD", 420), ("LAX", "HND", 430), ("JFK", "ORD", 300),
        ("JFK", "BOS", 250), ("JFK", "RMS", 450), ("JFK", "SBK", 460), ("JFK", "MPC", 470), ("JFK", "SVP", 480),
        ("JFK", "SHD", 490), ("JFK", "SSV", 500), ("JFK", "OKD", 510), ("JFK", "WLB", 520), ("JFK", "CRH", 530),
        ("JFK", "ATV", 540), ("JFK", "PHV", 550), ("JFK", "GFD", 560), ("JFK", "LAX", 570), ("JFK", "HND", 800),
        ("JFK", "PVG", 950), ("JFK", "PEK", 1000), ("ORD", "LAX", 180), ("ORD", "BOS", 200), ("ORD", "RMS", 350),
        ("ORD", "SBK", 360), ("ORD", "MPC", 370), ("ORD", "SVP", 380), ("ORD", "SHD", 390), ("ORD", "SSV", 400),
        ("ORD", "OKD", 410), ("ORD", "WLB", 420), ("ORD", "CRH", 430), ("ORD", "ATV", 440), ("ORD", "PHV", 450),
        ("ORD", "GFD", 460), ("BOS", "RMS", 400), ("BOS", "SBK", 410), ("BOS", "MPC", 420), ("BOS", "SVP", 430),
        ("BOS", "SHD", 440), ("BOS", "SSV", 450), ("BOS", "OKD", 460), ("BOS", "WLB", 470), ("BOS", "CRH", 480),
        ("BOS", "ATV", 490), ("BOS", "PHV", 500), ("BOS", "GFD", 510), ("RMS", "BOS", 200), ("RMS", "JFK", 210),
        ("RMS", "SBK", 220), ("RMS", "MPC", 230), ("RMS", "SVP", 240), ("RMS", "SHD", 250), ("RMS", "SSV", 260),
        ("RMS", "OKD", 270), ("RMS", "WLB", 280), ("RMS", "CRH", 290), ("RMS", "ATV", 300), ("RMS", "PHV", 310),
        ("RMS", "GFD", 320), ("RMS", "LAX", 330), ("SBK", "MPC", 200), ("SBK", "SVP", 210), ("SBK", "SHD", 220),
        ("SBK", "SSV", 230), ("SBK", "OKD", 240), ("SBK", "WLB", 250), ("SBK", "CRH", 260), ("SBK", "ATV", 270),
        ("SBK", "PHV", 280), ("SBK", "GFD", 290), ("MPC", "SVP", 210), ("MPC", "SHD", 220), ("MPC", "SSV", 230),
        ("MPC", "OKD", 240), ("MPC", "WLB", 250), ("MPC", "CRH", 260), ("MPC", "ATV", 270), ("MPC", "PHV", 280),
        ("MPC", "GFD", 290), ("SVP", "SHD", 230), ("SVP", "SSV", 240), ("SVP", "OKD", 250), ("SVP", "WLB", 260),
        ("SVP", "CRH", 270), ("SVP", "ATV", 280), ("SVP", "PHV", 290), ("SVP", "GFD", 300), ("SHD", "SSV", 220),
        ("SHD", "OKD", 230), ("SHD", "WLB", 240), ("SHD", "CRH", 250), ("SHD", "ATV", 260), ("SHD", "PHV", 270),
        ("SHD", "GFD", 280), ("SSV", "OKD", 240), ("SSV", "WLB", 250), ("SSV", "CRH", 260), ("SSV", "ATV", 270),
        ("SSV", "PHV", 280), ("SSV", "GFD", 290), ("OKD", "WLB", 230), ("OKD", "CRH", 240), ("OKD", "ATV", 250),
        ("OKD", "PHV", 260), ("OKD", "GFD", 270), ("WLB", "CRH", 250), ("WLB", "ATV", 260), ("WLB", "PHV", 270),
        ("WLB", "GFD", 280), ("CRH", "ATV", 240), ("CRH", "PHV", 250), ("CRH", "GFD", 260), ("CRH", "SFO", 270),
        ("CRH", "RMS", 280), ("CRH", "HKG", 290), ("CRH", "JFK", 300), ("ATV", "PHV", 230), ("ATV", "GFD", 240),
        ("PHV", "GFD", 220), ("LHR", "CDG", 100), ("OKD", "LAX", 220),
    ]

    /// `list_all_airports()`.
    static let airports = [
        "RMS", "SBK", "MPC", "SVP", "SHD", "CDG", "LHR", "SSV", "OKD", "WLB", "PEK", "HND", "HKG", "CIA", "CRH", "ATV", "PHV", "GFD", "SFO", "LAX", "JFK", "ORD", "BOS",
    ]

    /// `get_nearest_airport_by_city`'s map, in the official order.
    static let nearestAirports: [(city: String, airport: String)] = [
        ("Rivermist", "RMS"), ("Stonebrook", "SBK"), ("Maplecrest", "MPC"), ("Silverpine", "SVP"),
        ("Shadowridge", "SHD"), ("London", "LHR"), ("Paris", "CDG"), ("Sunset Valley", "SSV"), ("Oakendale", "OKD"),
        ("Willowbend", "WLB"), ("Crescent Hollow", "CRH"), ("Autumnville", "ATV"), ("Pinehaven", "PHV"),
        ("Greenfield", "GFD"), ("San Francisco", "SFO"), ("Los Angeles", "LAX"), ("New York", "JFK"),
        ("Chicago", "ORD"), ("Boston", "BOS"), ("Beijing", "PEK"), ("Hong Kong", "HKG"), ("Rome", "CIA"),
        ("Tokyo", "HND"),
    ]

    /// `compute_exchange_rate`'s rates from USD, in the official order.
    static let exchangeRates: [(currency: String, rate: PyValue)] = [
        ("RMB", .int(7)), ("EUR", .float(0.8)), ("JPY", .int(110)), ("GBP", .float(0.7)), ("CAD", .float(1.3)), ("AUD", .float(1.4)),
        ("INR", .int(70)), ("RUB", .int(60)), ("BRL", .float(3.8)), ("MXN", .int(20)),
    ]

    /// `CREDIT_CARD_EXTENSION` (`long_context.py`): cards added under long context where the scenario has none of that id.
    static let creditCardExtension: [(String, PyValue)] = [
        ("1234567812345678", .dict([(.string("card_number"), .string("1234567812345678")), (.string("expiration_date"), .string("12/25")), (.string("cardholder_name"), .string("John Doe")), (.string("card_verification_number"), .int(123)), (.string("balance"), .float(5000.0))])),
        ("2345678923456789", .dict([(.string("card_number"), .string("2345678923456789")), (.string("expiration_date"), .string("11/24")), (.string("cardholder_name"), .string("Jane Smith")), (.string("card_verification_number"), .int(456)), (.string("balance"), .float(7500.0))])),
        ("3456789034567890", .dict([(.string("card_number"), .string("3456789034567890")), (.string("expiration_date"), .string("10/23")), (.string("cardholder_name"), .string("Robert Johnson")), (.string("card_verification_number"), .int(789)), (.string("balance"), .float(6200.0))])),
        ("4567890145678901", .dict([(.string("card_number"), .string("4567890145678901")), (.string("expiration_date"), .string("09/26")), (.string("cardholder_name"), .string("Emily Davis")), (.string("card_verification_number"), .int(321)), (.string("balance"), .float(8200.0))])),
        ("9978997699789976", .dict([(.string("card_number"), .string("9978997699789976")), (.string("expiration_date"), .string("01/30")), (.string("cardholder_name"), .string("Cardholder 97")), (.string("card_verification_number"), .int(697)), (.string("balance"), .float(5850.0))])),
        ("9989997799899989", .dict([(.string("card_number"), .string("9989997799899989")), (.string("expiration_date"), .string("02/30")), (.string("cardholder_name"), .string("Cardholder 98")), (.string("card_verification_number"), .int(698)), (.string("balance"), .float(5900.0))])),
        ("9999997899999999", .dict([(.string("card_number"), .string("9999997899999999")), (.string("expiration_date"), .string("03/30")), (.string("cardholder_name"), .string("Cardholder 99")), (.string("card_verification_number"), .int(699)), (.string("balance"), .float(5950.0))])),
        ("1000000790000000", .dict([(.string("card_number"), .string("1000000790000000")), (.string("expiration_date"), .string("04/30")), (.string("cardholder_name"), .string("Cardholder 100")), (.string("card_verification_number"), .int(700)), (.string("balance"), .float(6000.0))])),
        ("1234567812345674", .dict([(.string("card_number"), .string("1234567812345674")), (.string("expiration_date"), .string("12/25")), (.string("cardholder_name"), .string("Johnyy Doe Stacks")), (.string("card_verification_number"), .int(132)), (.string("balance"), .float(5000.0))])),
        ("2345678923456784", .dict([(.string("card_number"), .string("2345678923456784")), (.string("expiration_date"), .string("11/24")), (.string("cardholder_name"), .string("Jane Hudson")), (.string("card_verification_number"), .int(465)), (.string("balance"), .float(7500.0))])),
        ("3456789034567894", .dict([(.string("card_number"), .string("3456789034567894")), (.string("expiration_date"), .string("10/23")), (.string("cardholder_name"), .string("Mitchell Johnson")), (.string("card_verification_number"), .int(798)), (.string("balance"), .float(6200.0))])),
        ("4567890145678904", .dict([(.string("card_number"), .string("4567890145678904")), (.string("expiration_date"), .string("09/26")), (.string("cardholder_name"), .string("Emilio Berkeley")), (.string("card_verification_number"), .int(312)), (.string("balance"), .float(8200.0))])),
        ("9978997699789974", .dict([(.string("card_number"), .string("9978997699789974")), (.string("expiration_date"), .string("01/30")), (.string("cardholder_name"), .string("Cardholder 397")), (.string("card_verification_number"), .int(679)), (.string("balance"), .float(5850.0))])),
        ("9989997799899984", .dict([(.string("card_number"), .string("9989997799899984")), (.string("expiration_date"), .string("02/30")), (.string("cardholder_name"), .string("Cardholder 098")), (.string("card_verification_number"), .int(689)), (.string("balance"), .float(5900.0))])),
        ("9999997899999994", .dict([(.string("card_number"), .string("9999997899999994")), (.string("expiration_date"), .string("03/30")), (.string("cardholder_name"), .string("Cardholder 499")), (.string("card_verification_number"), .int(696)), (.string("balance"), .float(5950.0))])),
        ("1000000790000004", .dict([(.string("card_number"), .string("1000000790000004")), (.string("expiration_date"), .string("04/30")), (.string("cardholder_name"), .string("Cardholder 4100")), (.string("card_verification_number"), .int(712)), (.string("balance"), .float(6000.0))])),
        ("1456789034567891", .dict([(.string("card_number"), .string("1456789034567891")), (.string("expiration_date"), .string("10/23")), (.string("cardholder_name"), .string("Roberto Johnson")), (.string("card_verification_number"), .int(798)), (.string("balance"), .float(6200.0))])),
        ("1567890145678901", .dict([(.string("card_number"), .string("1567890145678901")), (.string("expiration_date"), .string("09/26")), (.string("cardholder_name"), .string("Emily Daviston")), (.string("card_verification_number"), .int(312)), (.string("balance"), .float(8200.0))])),
        ("1978997699789971", .dict([(.string("card_number"), .string("1978997699789971")), (.string("expiration_date"), .string("01/30")), (.string("cardholder_name"), .string("Cardholder 697")), (.string("card_verification_number"), .int(679)), (.string("balance"), .float(5850.0))])),
        ("1989997799899981", .dict([(.string("card_number"), .string("1989997799899981")), (.string("expiration_date"), .string("02/30")), (.string("cardholder_name"), .string("Cardholder 598")), (.string("card_verification_number"), .int(689)), (.string("balance"), .float(5900.0))])),
        ("1999997899999991", .dict([(.string("card_number"), .string("1999997899999991")), (.string("expiration_date"), .string("03/30")), (.string("cardholder_name"), .string("Cardholder 499")), (.string("card_verification_number"), .int(696)), (.string("balance"), .float(5950.0))])),
        ("1000000790000001", .dict([(.string("card_number"), .string("1000000790000004")), (.string("expiration_date"), .string("04/30")), (.string("cardholder_name"), .string("Cardholder 2100")), (.string("card_verification_number"), .int(712)), (.string("balance"), .float(6000.0))])),
    ]

    /// `BOOKING_RECORD_EXTENSION` (`long_context.py`).
    static let bookingRecordExtension: [(String, PyValue)] = [
        ("booking_901", .dict([(.string("card_id"), .string("1234567812345678")), (.string("travel_date"), .string("2024-05-21")), (.string("travel_from"), .string("SFO")), (.string("travel_to"), .string("JFK")), (.string("travel_class"), .string("economy")), (.string("travel_cost"), .float(400.0)), (.string("transaction_id"), .string("trans_001"))])),
        ("booking_902", .dict([(.string("card_id"), .string("2345678923456789")), (.string("travel_date"), .string("2024-06-15")), (.string("travel_from"), .string("LAX")), (.string("travel_to"), .string("ORD")), (.string("travel_class"), .string("business")), (.string("travel_cost"), .float(900.0)), (.string("transaction_id"), .string("trans_002"))])),
        ("booking_903", .dict([(.string("card_id"), .string("3456789034567890")), (.string("travel_date"), .string("2024-07-01")), (.string("travel_from"), .string("BOS")), (.string("travel_to"), .string("RMS")), (.string("travel_class"), .string("first")), (.string("travel_cost"), .float(1500.0)), (.string("transaction_id"), .string("trans_003"))])),
        ("booking_904", .dict([(.string("card_id"), .string("4567890145678901")), (.string("travel_date"), .string("2024-08-21")), (.string("travel_from"), .string("SFO")), (.string("travel_to"), .string("ORD")), (.string("travel_class"), .string("economy")), (.string("travel_cost"), .float(380.0)), (.string("transaction_id"), .string("trans_004"))])),
        ("booking_997", .dict([(.string("card_id"), .string("9978997699789976")), (.string("travel_date"), .string("2024-03-15")), (.string("travel_from"), .string("MPC")), (.string("travel_to"), .string("WLB")), (.string("travel_class"), .string("business")), (.string("travel_cost"), .float(900.0)), (.string("transaction_id"), .string("trans_097"))])),
        ("booking_998", .dict([(.string("card_id"), .string("9989997799899989")), (.string("travel_date"), .string("2024-02-11")), (.string("travel_from"), .string("SHD")), (.string("travel_to"), .string("SVP")), (.string("travel_class"), .string("economy")), (.string("travel_cost"), .float(450.0)), (.string("transaction_id"), .string("trans_098"))])),
        ("booking_999", .dict([(.string("card_id"), .string("9999997899999999")), (.string("travel_date"), .string("2024-01-23")), (.string("travel_from"), .string("RMS")), (.string("travel_to"), .string("SBK")), (.string("travel_class"), .string("first")), (.string("travel_cost"), .float(2200.0)), (.string("transaction_id"), .string("trans_099"))])),
        ("booking_900", .dict([(.string("card_id"), .string("1000000790000000")), (.string("travel_date"), .string("2024-12-05")), (.string("travel_from"), .string("SFO")), (.string("travel_to"), .string("JFK")), (.string("travel_class"), .string("business")), (.string("travel_cost"), .float(1300.0)), (.string("transaction_id"), .string("trans_100"))])),
        ("booking_401", .dict([(.string("card_id"), .string("1234567812345678")), (.string("travel_date"), .string("2024-05-21")), (.string("travel_from"), .string("SFO")), (.string("travel_to"), .string("JFK")), (.string("travel_class"), .string("economy")), (.string("travel_cost"), .float(400.0)), (.string("transaction_id"), .string("trans_401"))])),
        ("booking_402", .dict([(.string("card_id"), .string("2345678923456789")), (.string("travel_date"), .string("2024-06-15")), (.string("travel_from"), .string("LAX")), (.string("travel_to"), .string("ORD")), (.string("travel_class"), .string("business")), (.string("travel_cost"), .float(900.0)), (.string("transaction_id"), .string("trans_002"))])),
        ("booking_403", .dict([(.string("card_id"), .string("3456789034567890")), (.string("travel_date"), .string("2024-07-01")), (.string("travel_from"), .string("BOS")), (.string("travel_to"), .string("RMS")), (.string("travel_class"), .string("first")), (.string("travel_cost"), .float(1500.0)), (.string("transaction_id"), .string("trans_403"))])),
        ("booking_404", .dict([(.string("card_id"), .string("4567890145678901")), (.string("travel_date"), .string("2024-08-21")), (.string("travel_from"), .string("SFO")), (.string("travel_to"), .string("ORD")), (.string("travel_class"), .string("economy")), (.string("travel_cost"), .float(380.0)), (.string("transaction_id"), .string("trans_404"))])),
        ("booking_497", .dict([(.string("card_id"), .string("9978997699789976")), (.string("travel_date"), .string("2024-03-15")), (.string("travel_from"), .string("MPC")), (.string("travel_to"), .string("WLB")), (.string("travel_class"), .string("business")), (.string("travel_cost"), .float(900.0)), (.string("transaction_id"), .string("trans_497"))])),
        ("booking_498", .dict([(.string("card_id"), .string("9989997799899989")), (.string("travel_date"), .string("2024-02-11")), (.string("travel_from"), .string("SHD")), (.string("travel_to"), .string("SVP")), (.string("travel_class"), .string("economy")), (.string("travel_cost"), .float(450.0)), (.string("transaction_id"), .string("trans_498"))])),
        ("booking_499", .dict([(.string("card_id"), .string("9999997899999999")), (.string("travel_date"), .string("2024-01-23")), (.string("travel_from"), .string("RMS")), (.string("travel_to"), .string("SBK")), (.string("travel_class"), .string("first")), (.string("travel_cost"), .float(2200.0)), (.string("transaction_id"), .string("trans_499"))])),
        ("booking_400", .dict([(.string("card_id"), .string("1000000790000000")), (.string("travel_date"), .string("2024-12-05")), (.string("travel_from"), .string("SFO")), (.string("travel_to"), .string("JFK")), (.string("travel_class"), .string("business")), (.string("travel_cost"), .float(1300.0)), (.string("transaction_id"), .string("trans_400"))])),
    ]
}
