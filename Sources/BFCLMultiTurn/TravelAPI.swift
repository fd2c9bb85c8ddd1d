import Foundation
import FunctionCallChecks
import PythonCompat

/// `TravelAPI` (`func_source_code/travel_booking.py`): travel-account login, credit cards, flight costs and bookings,
/// insurance and a budget limit. Under long context the official extension cards and bookings are merged in,
/// `get_flight_cost` lists every route's cost and `book_flight` returns the whole booking record.
public struct TravelAPI: MultiTurnAPI {
    public static let className = "TravelAPI"
    public static let methods: [String: [MultiTurnParameter]] = [
        "authenticate_travel": ["client_id", "client_secret", "refresh_token", "grant_type", "user_first_name", "user_last_name"].map { .init($0) },
        "travel_get_login_status": [],
        "get_budget_fiscal_year": [.init("lastModifiedAfter", default: PyValue.none), .init("includeRemoved", default: PyValue.none)],
        "register_credit_card": ["access_token", "card_number", "expiration_date", "cardholder_name", "card_verification_number"].map { .init($0) },
        "get_flight_cost": ["travel_from", "travel_to", "travel_date", "travel_class"].map { .init($0) },
        "get_credit_card_balance": [.init("access_token"), .init("card_id")],
        "book_flight": ["access_token", "card_id", "travel_date", "travel_from", "travel_to", "travel_class"].map { .init($0) },
        "retrieve_invoice": [.init("access_token"), .init("booking_id", default: PyValue.none), .init("insurance_id", default: PyValue.none)],
        "list_all_airports": [],
        "cancel_booking": [.init("access_token"), .init("booking_id")],
        "compute_exchange_rate": [.init("base_currency"), .init("target_currency"), .init("value")],
        "verify_traveler_information": [.init("first_name"), .init("last_name"), .init("date_of_birth"), .init("passport_number")],
        "set_budget_limit": [.init("access_token"), .init("budget_limit")],
        "get_nearest_airport_by_city": [.init("location")],
        "purchase_insurance": ["access_token", "insurance_type", "booking_id", "insurance_cost", "card_id"].map { .init($0) },
        "contact_customer_support": [.init("booking_id"), .init("message")],
        "get_all_credit_cards": [],
    ]

    /// `credit_card_list` and `booking_record`: dictionaries keyed by id, in insertion order.
    var cards: PyValue
    var bookings: PyValue
    var accessToken: PyValue
    var tokenType: PyValue
    var tokenExpiresIn: PyValue
    var tokenScope: PyValue
    var userFirstName: PyValue
    var userLastName: PyValue
    var budgetLimit: PyValue
    var longContext: Bool
    var random: PythonRandom
    /// `_flight_cost_lookup`: the costs of the last `get_flight_cost`, keyed `from|to|class|date`.
    var costLookup: [String: PyValue] = [:]

    public init(scenario: PyValue, longContext: Bool) {
        var seed: UInt32 = 141_053
        if case .int(let given)? = scenario["random_seed"], let exact = UInt32(exactly: given) { seed = exact }
        random = PythonRandom(seed: seed)
        cards = scenario["credit_card_list"] ?? .dict([])
        bookings = scenario["booking_record"] ?? .dict([])
        accessToken = scenario["access_token"] ?? .none
        tokenType = scenario["token_type"] ?? .none
        tokenExpiresIn = scenario["token_expires_in"] ?? .none
        tokenScope = scenario["token_scope"] ?? .none
        userFirstName = scenario["user_first_name"] ?? .none
        userLastName = scenario["user_last_name"] ?? .none
        budgetLimit = scenario["budget_limit"] ?? .none
        self.longContext = longContext
        if longContext {
            for (id, card) in Self.creditCardExtension where cards[id] == nil { cards.set(id, card) }
            for (id, booking) in Self.bookingRecordExtension where bookings[id] == nil { bookings.set(id, booking) }
        }
    }

    public var state: PyValue {
        .dict([
            ("credit_card_list", cards), ("booking_record", bookings), ("access_token", accessToken), ("token_type", tokenType),
            ("token_expires_in", tokenExpiresIn), ("token_scope", tokenScope), ("user_first_name", userFirstName),
            ("user_last_name", userLastName), ("budget_limit", budgetLimit), ("long_context", .bool(longContext)),
        ].map { (.string($0.0), $0.1) })
    }

    static func result(_ members: KeyValuePairs<String, PyValue>) -> PyValue { .dict(members.map { (.string($0.key), $0.value) }) }

    /// Python's `key in d` on a dictionary (an unhashable key raises).
    static func member(_ key: PyValue, _ dictionary: PyValue) throws -> PyValue? {
        switch key {
        case .list, .dict, .set: throw MultiTurnError("unhashable type: '\(key.kind.rawValue)'")
        default: return dictionary.dictValue?.first { $0.key == key }?.value
        }
    }

    /// The check the token-guarded methods open with: nil when the token is live and matches, else the error text
    /// (a mismatch uses up one of the token's remaining uses, as `token_expires_in -= 1` does).
    mutating func tokenError(_ token: PyValue) throws -> String? {
        if tokenExpiresIn == .int(0) { return "Token expired" }
        if token != accessToken {
            guard tokenExpiresIn.number != nil else {
                throw MultiTurnError("unsupported operand type(s) for -=: '\(tokenExpiresIn.kind.rawValue)' and 'int'")
            }
            tokenExpiresIn = try PythonOperations.arithmetic(tokenExpiresIn, "-", .int(1))
            return "Invalid access token"
        }
        return nil
    }

    /// Adds `amount` to a card's balance (`credit_card_list[card_id]["balance"] += amount`).
    mutating func adjustBalance(_ id: PyValue, by amount: PyValue, _ op: String) throws {
        guard case .dict(var members) = cards, let index = members.firstIndex(where: { $0.key == id }) else { return }
        var card = members[index].value
        guard let balance = card["balance"] else { throw MultiTurnError("'balance'") }
        card.set("balance", try PythonOperations.arithmetic(balance, op, amount))
        members[index].value = card
        cards = .dict(members)
    }
}
