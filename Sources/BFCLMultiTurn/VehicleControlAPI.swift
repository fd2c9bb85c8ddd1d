import FunctionCallChecks
import PythonCompat

/// `VehicleControlAPI` (`func_source_code/vehicle_control.py`): engine, doors, climate, brakes, cruise control and
/// navigation of one car. Without `long_context` only: the long-context variant adds the official extension texts,
/// which are not ported.
public struct VehicleControlAPI: MultiTurnAPI {
    public static let className = "VehicleControlAPI"
    public static let methods: [String: [MultiTurnParameter]] = [
        "startEngine": [.init("ignitionMode")], "fillFuelTank": [.init("fuelAmount")], "lockDoors": [.init("unlock"), .init("door")],
        "adjustClimateControl": [
            .init("temperature"), .init("unit", default: .string("celsius")), .init("fanSpeed", default: .int(50)), .init("mode", default: .string("auto")),
        ],
        "get_outside_temperature_from_google": [], "get_outside_temperature_from_weather_com": [], "setHeadlights": [.init("mode")],
        "displayCarStatus": [.init("option")], "activateParkingBrake": [.init("mode")], "pressBrakePedal": [.init("pedalPosition")],
        "releaseBrakePedal": [], "setCruiseControl": [.init("speed"), .init("activate"), .init("distanceToNextVehicle")],
        "get_current_speed": [], "display_log": [.init("messages")], "estimate_drive_feasibility_by_mileage": [.init("distance")],
        "liter_to_gallon": [.init("liter")], "gallon_to_liter": [.init("gallon")], "estimate_distance": [.init("cityA"), .init("cityB")],
        "get_zipcode_based_on_city": [.init("city")], "set_navigation": [.init("destination")], "check_tire_pressure": [],
        "find_nearest_tire_shop": [],
    ]

    /// The public attributes, in the official `_load_scenario` order.
    var attributes: [(key: PyValue, value: PyValue)]
    var random: PythonRandom
    var parkingBrakeForce: PyValue
    var slopeAngle: PyValue
    var brakePedalForce: PyValue

    static let defaults: [(String, String, PyValue)] = [
        ("fuelLevel", "fuelLevel", .float(0)), ("batteryVoltage", "batteryVoltage", .float(12.6)), ("engine_state", "engineState", .string("stopped")),
        ("remainingUnlockedDoors", "remainingUnlockedDoors", .int(4)),
        ("doorStatus", "doorStatus", .dict(["driver", "passenger", "rear_left", "rear_right"].map { (.string($0), .string("unlocked")) })),
        ("acTemperature", "acTemperature", .float(25)), ("fanSpeed", "fanSpeed", .int(50)), ("acMode", "acMode", .string("auto")),
        ("humidityLevel", "humidityLevel", .float(50)), ("headLightStatus", "headLightStatus", .string("off")),
        ("parkingBrakeStatus", "parkingBrakeStatus", .string("released")), ("brakePedalStatus", "brakePedalStatus", .string("released")),
        ("distanceToNextVehicle", "distanceToNextVehicle", .float(50)), ("cruiseStatus", "cruiseStatus", .string("inactive")),
        ("destination", "destination", .string("None")), ("frontLeftTirePressure", "frontLeftTirePressure", .float(32)),
        ("frontRightTirePressure", "frontRightTirePressure", .float(32)), ("rearLeftTirePressure", "rearLeftTirePressure", .float(30)),
        ("rearRightTirePressure", "rearRightTirePressure", .float(30)),
    ]

    public init(scenario: PyValue, longContext: Bool) {
        var seed: UInt32 = 141_053
        if case .int(let given)? = scenario["random_seed"], let exact = UInt32(exactly: given) { seed = exact }
        random = PythonRandom(seed: seed)
        attributes = Self.defaults.map { name, key, value in (.string(name), scenario[key] ?? value) }
        let locked = (attributes.first { $0.key == .string("doorStatus") }?.value.dictValue ?? []).filter { $0.value == .string("locked") }.count
        attributes = attributes.map { $0.key == .string("remainingUnlockedDoors") ? ($0.key, .int(4 - locked)) : $0 }
        attributes.append((.string("long_context"), .bool(longContext)))
        parkingBrakeForce = scenario["parkingBrakeForce"] ?? .float(0)
        slopeAngle = scenario["slopeAngle"] ?? .float(0)
        brakePedalForce = scenario["brakePedalForce"] ?? .float(0)
    }

    public var state: PyValue { .dict(attributes) }

    subscript(_ name: String) -> PyValue {
        get { attributes.first { $0.key == .string(name) }?.value ?? .none }
        set {
            if let i = attributes.firstIndex(where: { $0.key == .string(name) }) { attributes[i].value = newValue } else { attributes.append((.string(name), newValue)) }
        }
    }

    static func result(_ members: KeyValuePairs<String, PyValue>) -> PyValue { .dict(members.map { (.string($0.key), $0.value) }) }
    static func error(_ message: String) -> PyValue { result(["error": .string(message)]) }

    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        if self["long_context"] == .bool(true) {
            throw MultiTurnError("VehicleControlAPI with long_context is not ported to Swift yet")
        }
        typealias Py = PythonOperations
        switch method {
        case "startEngine":
            let mode = a["ignitionMode"]!
            if mode == .string("STOP") { self["engine_state"] = .string("stopped") }
            if try Py.less(.int(0), self["remainingUnlockedDoors"], ">") {
                let unlocked = (self["doorStatus"].dictValue ?? []).filter { $0.value == .string("unlocked") }.map(\.key.str)
                return Self.error("All doors must be locked before starting the engine. Here are the unlocked doors: " + unlocked.joined(separator: ", "))
            }
            if self["brakePedalStatus"] != .string("pressed") { return Self.error("Brake pedal needs to be pressed when starting the engine.") }
            if brakePedalForce != .float(1000) { return Self.error("Must press the brake fully before starting the engine.") }
            if try Py.less(self["fuelLevel"], .float(0)) { return Self.error("Fuel tank is empty.") }
            guard mode == .string("START") else { return Self.error("Invalid ignition mode.") }
            self["engine_state"] = .string("running")
            return Self.result(["engineState": self["engine_state"], "fuelLevel": self["fuelLevel"], "batteryVoltage": self["batteryVoltage"]])
        case "fillFuelTank":
            let amount = a["fuelAmount"]!
            if try Py.less(amount, .int(0)) { return Self.error("Fuel amount cannot be negative.") }
            let total = try Py.arithmetic(self["fuelLevel"], "+", amount)
            if try Py.less(.int(50), total, ">") { return Self.error("Cannot fill gas above the tank capacity.") }
            if try Py.less(total, .float(0)) { return Self.error("Fuel tank is empty. Min fuel level is 0 gallons.") }
            self["fuelLevel"] = total
            return Self.result(["fuelLevel": total])
        case "lockDoors":
            let unlock = a["unlock"]!.truthy
            let target = PyValue.string(unlock ? "unlocked" : "locked")
            var doors = self["doorStatus"]
            for door in try Self.iterate(a["door"]!) {
                guard let current = doors.dictValue?.first(where: { $0.key == door })?.value else { throw MultiTurnError(door.description) }
                if current == target { continue }
                doors.set(door.str, target)
                self["remainingUnlockedDoors"] = try Py.arithmetic(self["remainingUnlockedDoors"], unlock ? "+" : "-", .int(1))
            }
            self["doorStatus"] = doors
            return Self.result(["lockStatus": target, "remainingUnlockedDoors": self["remainingUnlockedDoors"]])
        case "adjustClimateControl":
            let temperature = a["temperature"]!, fanSpeed = a["fanSpeed"]!, mode = a["mode"]!
            guard try Py.between(.int(0), fanSpeed, .int(100)) else { return Self.error("Fan speed must be between 0 and 100.") }
            self["acTemperature"] = temperature
            if a["unit"]! == .string("fahrenheit") {
                self["acTemperature"] = try Py.arithmetic(try Py.arithmetic(try Py.arithmetic(temperature, "-", .int(32)), "*", .int(5)), "/", .int(9))
            }
            self["fanSpeed"] = fanSpeed
            self["acMode"] = mode
            return Self.result(["currentACTemperature": temperature, "climateMode": mode, "humidityLevel": self["humidityLevel"]])
        case "get_outside_temperature_from_google":
            return Self.result(["outsideTemperature": .float(random.uniform(-10, 40))])
        case "get_outside_temperature_from_weather_com":
            return Self.result(["error": .int(404)])
        case "setHeadlights":
            let mode = a["mode"]!
            guard mode.isIn([.string("on"), .string("off"), .string("auto")]) else { return Self.error("Invalid headlight mode.") }
            self["headLightStatus"] = .string(mode == .string("on") ? "on" : "off")
            return Self.result(["headlightStatus": self["headLightStatus"]])
        case "displayCarStatus":
            return displayCarStatus(a["option"]!)
        case "activateParkingBrake":
            let mode = a["mode"]!
            guard mode.isIn([.string("engage"), .string("release")]) else { return Self.error("Invalid mode") }
            let engage = mode == .string("engage")
            self["parkingBrakeStatus"] = .string(engage ? "engaged" : "released")
            parkingBrakeForce = .float(engage ? 500 : 0)
            slopeAngle = .float(10)
            return Self.result(["parkingBrakeStatus": self["parkingBrakeStatus"], "_parkingBrakeForce": parkingBrakeForce, "_slopeAngle": .float(10)])
        case "pressBrakePedal":
            let position = a["pedalPosition"]!
            guard try Py.between(.int(0), position, .int(1)) else { return Self.error("Pedal position must be between 0 and 1.") }
            if position == .int(0) {
                self["brakePedalStatus"] = .string("released")
                brakePedalForce = .float(0)
                return Self.result(["brakePedalStatus": .string("released"), "brakePedalForce": .float(0)])
            }
            let force = try Py.arithmetic(position, "*", .int(1000))
            self["brakePedalStatus"] = .string("pressed")
            brakePedalForce = force
            return Self.result(["brakePedalStatus": .string("pressed"), "brakePedalForce": try Py.float(force)])
        case "releaseBrakePedal":
            self["brakePedalStatus"] = .string("released")
            brakePedalForce = .float(0)
            return Self.result(["brakePedalStatus": .string("released"), "brakePedalForce": .float(0)])
        case "setCruiseControl":
            let distance = try Py.float(a["distanceToNextVehicle"]!), speed = try Py.float(a["speed"]!)
            if self["engine_state"] == .string("stopped") { return Self.error("Start the engine before activating the cruise control.") }
            self["distanceToNextVehicle"] = distance
            if a["activate"]!.truthy {
                if try Py.less(speed, .int(0)) || Py.less(.int(120), speed, ">") || Py.arithmetic(speed, "%", .int(5)) != .int(0) {
                    return Self.error("Invalid speed")
                }
                self["cruiseStatus"] = .string("active")
            } else {
                self["cruiseStatus"] = .string("inactive")
            }
            return Self.result(["cruiseStatus": self["cruiseStatus"], "currentSpeed": speed, "distanceToNextVehicle": distance])
        case "get_current_speed":
            return Self.result(["currentSpeed": .float(random.uniform(0, 120))])
        case "display_log":
            return Self.result(["log": a["messages"]!])
        case "estimate_drive_feasibility_by_mileage":
            let range = try Py.arithmetic(self["fuelLevel"], "*", .float(20))
            return Self.result(["canDrive": .bool(!(try Py.less(range, a["distance"]!)))])
        case "liter_to_gallon":
            return Self.result(["gallon": try Py.arithmetic(a["liter"]!, "*", .float(0.264172))])
        case "gallon_to_liter":
            return Self.result(["liter": try Py.arithmetic(a["gallon"]!, "*", .float(3.78541))])
        case "estimate_distance":
            return Self.distance(a["cityA"]!, a["cityB"]!)
        case "get_zipcode_based_on_city":
            return Self.result(["zipcode": .string(Self.zipcodes[a["city"]!.stringValue ?? ""] ?? "00000")])
        case "set_navigation":
            guard case .string(let destination) = a["destination"]! else {
                throw MultiTurnError("can only concatenate str (not \"\(a["destination"]!.kind.rawValue)\") to str")
            }
            self["destination"] = .string(destination)
            return Self.result(["status": .string("Navigating to " + destination)])
        case "check_tire_pressure":
            let names = ["frontLeftTirePressure", "frontRightTirePressure", "rearLeftTirePressure", "rearRightTirePressure"]
            var sum: PyValue = .int(0)
            for name in names { sum = try Py.arithmetic(sum, "+", self[name]) }
            let mean = try Py.arithmetic(sum, "/", .int(4))
            let healthy = try Py.between(.int(30), mean, .int(35))
            return .dict(names.map { (.string($0), self[$0]) } + [(.string("healthy_tire_pressure"), .bool(healthy)), (.string("car_info"), .dict([]))])
        case "find_nearest_tire_shop":
            return Self.result(["shopLocation": .string("456 Oakwood Avenue, Rivermist, 83214")])
        default:
            throw MultiTurnError("'VehicleControlAPI' object has no attribute '\(method)'")
        }
    }

    /// Python's iteration over an argument (a list's elements, a string's characters).
    static func iterate(_ value: PyValue) throws -> [PyValue] {
        guard let items = value.iterated else { throw MultiTurnError("'\(value.kind.rawValue)' object is not iterable") }
        return items
    }

    func displayCarStatus(_ option: PyValue) -> PyValue {
        let fields: [String: [(String, PyValue)]] = [
            "fuel": [("fuelLevel", self["fuelLevel"])], "battery": [("batteryVoltage", self["batteryVoltage"])],
            "doors": [("doorStatus", self["doorStatus"])],
            "climate": [("currentACTemperature", self["acTemperature"]), ("fanSpeed", self["fanSpeed"]), ("climateMode", self["acMode"]),
                        ("humidityLevel", self["humidityLevel"])],
            "headlights": [("headlightStatus", self["headLightStatus"])],
            "parkingBrake": [("parkingBrakeStatus", self["parkingBrakeStatus"]), ("parkingBrakeForce", parkingBrakeForce), ("slopeAngle", slopeAngle)],
            "brakePedal": [("brakePedalStatus", self["brakePedalStatus"]), ("brakePedalForce", brakePedalForce)],
            "engine": [("engineState", self["engine_state"])],
        ]
        let chosen = option.stringValue.flatMap { fields[$0] } ?? [("error", .string("Invalid option"))]
        return .dict(chosen.map { (.string($0.0), $0.1) })
    }
}
