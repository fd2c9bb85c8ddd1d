import FunctionCallChecks

/// The fixed places of `VehicleControlAPI`: zip codes by city and road distances between zip codes.
extension VehicleControlAPI {
    static let zipcodes: [String: String] = [
        "Rivermist": "83214", "Stonebrook": "74532", "Maplecrest": "56108", "Silverpine": "62947", "Shadowridge": "71354",
        "Sunset Valley": "83462", "Oakendale": "47329", "Willowbend": "52013", "Crescent Hollow": "69238", "Autumnville": "51479",
        "San Francisco": "94016",
    ]

    /// Distances in either direction, in the official order of checks.
    static let distances: [(String, String, Double)] = [
        ("83214", "74532", 750), ("56108", "62947", 320), ("71354", "83462", 450), ("47329", "52013", 290), ("69238", "51479", 630),
        ("94016", "83214", 980), ("94016", "94704", 600), ("94704", "08540", 2550), ("94016", "08540", 1950), ("62947", "47329", 1053),
        ("94016", "62947", 780), ("74532", "94016", 880),
    ]

    static func distance(_ a: PyValue, _ b: PyValue) -> PyValue {
        for (x, y, d) in distances where (a == .string(x) && b == .string(y)) || (a == .string(y) && b == .string(x)) {
            return result(["distance": .float(d)])
        }
        return error("distance not found in database.")
    }
}
