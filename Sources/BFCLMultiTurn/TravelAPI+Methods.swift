import Foundation
import FunctionCallChecks
import PythonCompat

/// The methods of `TravelAPI`, with the official checks in the official order.
extension TravelAPI {
    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        typealias Py = PythonOperations
        switch method {
        case "authenticate_travel":
            tokenExpiresIn = .int(2)
            accessToken = .string(String(random.randint(100_000, 999_999)))
            tokenType = .string("Bearer")
            tokenScope = a["grant_type"]!
            userFirstName = a["user_first_name"]!
            userLastName = a["user_last_name"]!
            return Self.result(["expires_in": .int(2), "access_token": accessToken, "token_type": .string("Bearer"), "scope": tokenScope])
        case "travel_get_login_status":
            return Self.result(["status": .bool(!(tokenExpiresIn == .none || tokenExpiresIn == .int(0)))])
        case "get_budget_fiscal_year":
            return Self.result(["budget_fiscal_year": .string("2018")])
        case "register_credit_card":
            if tokenExpiresIn == .none { return Self.result(["error": .string("Token not initialized")]) }
            if let error = try tokenError(a["access_token"]!) { return Self.result(["error": .string(error)]) }
            if try Self.member(a["card_number"]!, cards) != nil { return Self.result(["error": .string("Card already registered")]) }
            let id = String(random.randint(100_000_000_000, 999_999_999_999))
            let balance = random.randint(10_000, 99_999)
            cards.set(id, Self.result([
                "card_number": a["card_number"]!, "expiration_date": a["expiration_date"]!, "cardholder_name": a["cardholder_name"]!,
                "card_verification_number": a["card_verification_number"]!, "balance": .int(balance),
            ]))
            return Self.result(["card_id": .string(id)])
        case "get_flight_cost":
            return Self.result(["travel_cost_list": .list(try flightCost(a["travel_from"]!, a["travel_to"]!, a["travel_date"]!, a["travel_class"]!))])
        case "get_credit_card_balance":
            if let error = try tokenError(a["access_token"]!) { return Self.result(["error": .string(error)]) }
            guard let card = try Self.member(a["card_id"]!, cards) else {
                let ids = PyValue.list(cards.dictValue?.map(\.key) ?? [])
                return Self.result(["error": .string("Card not registered. Here are a list of card_id's: \(ids)")])
            }
            guard let balance = card["balance"] else { throw MultiTurnError("'balance'") }
            return Self.result(["card_balance": balance])
        case "book_flight":
            return try bookFlight(a)
        case "retrieve_invoice":
            if let error = try tokenError(a["access_token"]!) { return Self.result(["error": .string(error)]) }
            let id = a["booking_id"]!
            guard let booking = try Self.member(id, bookings) else { return Self.result(["error": .string("Booking not found")]) }
            var invoice: [(key: PyValue, value: PyValue)] = [(.string("booking_id"), id)]
            for key in ["travel_date", "travel_from", "travel_to", "travel_class", "travel_cost", "transaction_id"] {
                guard let value = booking[key] else { throw MultiTurnError(PyValue.string(key).description) }
                invoice.append((.string(key), value))
            }
            return Self.result(["invoice": .dict(invoice)])
        case "list_all_airports":
            return .list(Self.airports.map(PyValue.string))
        case "cancel_booking":
            if let error = try tokenError(a["access_token"]!) { return Self.result(["cancel_status": .bool(false), "error": .string(error)]) }
            let id = a["booking_id"]!
            guard let booking = try Self.member(id, bookings) else { return Self.result(["cancel_status": .bool(false), "error": .string("Booking not found")]) }
            guard let card = booking["card_id"], let cost = booking["travel_cost"] else { throw MultiTurnError("'card_id'") }
            guard try Self.member(card, cards) != nil else { throw MultiTurnError(card.description) }
            try adjustBalance(card, by: cost, "+")
            bookings = .dict((bookings.dictValue ?? []).filter { $0.key != id })
            return Self.result(["cancel_status": .bool(true)])
        case "compute_exchange_rate":
            let base = a["base_currency"]!, target = a["target_currency"]!, value = a["value"]!
            for (currency, rate) in Self.exchangeRates {
                if base == .string("USD") && target == .string(currency) {
                    return Self.result(["exchanged_value": try Py.arithmetic(value, "*", rate)])
                }
                if base == .string(currency) && target == .string("USD") {
                    return Self.result(["exchanged_value": try Py.round(try Py.arithmetic(value, "/", rate), 2)])
                }
            }
            throw MultiTurnError("No available exchange rate for the given currencies.")
        case "verify_traveler_information":
            return try verifyTraveler(a)
        case "set_budget_limit":
            if let error = try tokenError(a["access_token"]!) { return Self.result(["error": .string(error)]) }
            budgetLimit = try Py.float(a["budget_limit"]!)
            return Self.result(["budget_limit": budgetLimit])
        case "get_nearest_airport_by_city":
            let location = a["location"]!
            _ = try Self.member(location, .dict([]))
            return Self.result(["nearest_airport": .string(Self.nearestAirports.first { location == .string($0.city) }?.airport ?? "Unknown")])
        case "purchase_insurance":
            if let error = try tokenError(a["access_token"]!) { return Self.result(["insurance_status": .bool(false), "error": .string(error)]) }
            let cost = a["insurance_cost"]!
            if budgetLimit != .none, try Py.less(budgetLimit, cost) {
                return Self.result(["insurance_status": .bool(false), "error": .string("Exceeded budget limit")])
            }
            if try Self.member(a["booking_id"]!, bookings) == nil {
                return Self.result(["insurance_status": .bool(false), "error": .string("Booking not found")])
            }
            let card = a["card_id"]!
            if try Self.member(card, cards) == nil {
                return Self.result(["insurance_status": .bool(false), "error": .string("Credit card not registered")])
            }
            try adjustBalance(card, by: cost, "-")
            return Self.result(["insurance_id": .string(String(random.randint(100_000_000, 999_999_999))), "insurance_status": .bool(true)])
        case "contact_customer_support":
            if try Self.member(a["booking_id"]!, bookings) == nil { return Self.result(["error": .string("Booking not found")]) }
            return Self.result([
                "customer_support_message":
                    .string("Thank you for contacting customer support. Your message has been received and we will get back to you shortly."),
            ])
        case "get_all_credit_cards":
            return Self.result(["credit_card_list": cards])
        default:
            throw MultiTurnError("'TravelAPI' object has no attribute '\(method)'")
        }
    }

    /// `get_flight_cost`: the route's base cost times the class factor times 2 when the date's digits sum to an even
    /// number; under long context every route's cost at that factor (and all of them cached).
    mutating func flightCost(_ from: PyValue, _ to: PyValue, _ date: PyValue, _ travelClass: PyValue) throws -> [PyValue] {
        _ = try Self.member(.tuple([from, to]), .dict([]))
        guard let route = Self.baseCosts.first(where: { from == .string($0.from) && to == .string($0.to) }) else {
            throw MultiTurnError("No available route for the given airports.")
        }
        let factors: [String: Int] = ["economy": 1, "business": 2, "first": 5]
        guard let name = travelClass.stringValue, let factor = factors[name] else {
            throw MultiTurnError("Invalid travel class. Options are: economy, business, first.")
        }
        guard let characters = date.iterated else { throw MultiTurnError("'\(date.kind.rawValue)' object is not iterable") }
        let digitSum = characters.compactMap { $0.stringValue.flatMap { Int($0) } }.reduce(0, +)
        let multiplier = digitSum % 2 == 0 ? 2 : 1
        let dateText = date.str
        if longContext {
            costLookup = [:]
            return Self.baseCosts.map { entry in
                let cost = PyValue.float(Double(entry.cost * factor * multiplier))
                costLookup["\(entry.from)|\(entry.to)|\(name)|\(dateText)"] = cost
                return cost
            }
        }
        let cost = PyValue.float(Double(route.cost * factor * multiplier))
        costLookup = ["\(route.from)|\(route.to)|\(name)|\(dateText)": cost]
        return [cost]
    }

    mutating func bookFlight(_ a: [String: PyValue]) throws -> PyValue {
        func failure(_ message: String) -> PyValue { Self.result(["booking_status": .bool(false), "error": .string(message)]) }
        if let error = try tokenError(a["access_token"]!) { return failure(error) }
        let cardID = a["card_id"]!, date = a["travel_date"]!, from = a["travel_from"]!, to = a["travel_to"]!, travelClass = a["travel_class"]!
        guard let card = try Self.member(cardID, cards) else { return failure("Card not registered") }
        guard let balance = card["balance"] else { return failure("Balance not found") }
        let airports = Self.airports.map(PyValue.string)
        if !from.isIn(airports) { return failure("Invalid departure airport code: \(from.str)") }
        if !to.isIn(airports) { return failure("Invalid destination airport code: \(to.str)") }
        if try PythonOperations.date(date) == nil { return failure("Invalid date format. Use YYYY-MM-DD.") }
        let classes: [PyValue] = [.string("economy"), .string("business"), .string("first")]
        if !travelClass.isIn(classes) {
            // Python prints the set in its hash order, which changes between processes; this is one of them.
            return failure("Invalid travel class. Must be one of {'economy', 'business', 'first'}")
        }
        let cost: PyValue
        do {
            _ = try flightCost(from, to, date, travelClass)
            guard let cached = costLookup["\(from.str)|\(to.str)|\(travelClass.str)|\(date.str)"] else {
                return failure("No available route for the given parameters")
            }
            cost = cached
        } catch let error as MultiTurnError where error.description.hasPrefix("No available route") || error.description.hasPrefix("Invalid travel class") {
            return failure(error.description)
        }
        if try PythonOperations.less(balance, cost) { return failure("Insufficient funds") }
        if budgetLimit != .none, try PythonOperations.less(balance, budgetLimit) { return failure("Balance is less than budget limit") }
        try adjustBalance(cardID, by: cost, "-")
        let bookingID = String(random.randint(1_000_000, 9_999_999))
        let transactionID = String(random.randint(10_000_000, 99_999_999))
        bookings.set(bookingID, Self.result([
            "card_id": cardID, "travel_date": date, "travel_from": from, "travel_to": to, "travel_class": travelClass, "travel_cost": cost,
            "transaction_id": .string(transactionID),
        ]))
        return Self.result([
            "booking_id": .string(bookingID), "transaction_id": .string(transactionID), "booking_status": .bool(true),
            "booking_history": longContext ? bookings : .dict([]),
        ])
    }

    func verifyTraveler(_ a: [String: PyValue]) throws -> PyValue {
        func failure(_ message: String) -> PyValue { Self.result(["verification_status": .bool(false), "verification_failure": .string(message)]) }
        let first = a["first_name"]!, last = a["last_name"]!
        if userFirstName != first || userLastName != last {
            return failure("Cannot book flight information for another user."
                + "Expected \(userFirstName.str) \(userLastName.str), got \(first.str) \(last.str)")
        }
        guard let birth = try PythonOperations.date(a["date_of_birth"]!) else {
            return failure("Invalid date of birth format. Please use YYYY-MM-DD.")
        }
        let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        let (year, month, day) = (today.year ?? 0, today.month ?? 0, today.day ?? 0)
        let age = year - birth.year - ((month, day) < (birth.month, birth.day) ? 1 : 0)
        if age < 18 { return failure("Traveler must be at least 18 years old.") }
        guard let passport = a["passport_number"]!.stringValue else {
            throw MultiTurnError("'\(a["passport_number"]!.kind.rawValue)' object has no attribute 'startswith'")
        }
        if !passport.hasPrefix("US") { return failure("Passport must be issued by the United States.") }
        return Self.result(["verification_status": .bool(true)])
    }
}
