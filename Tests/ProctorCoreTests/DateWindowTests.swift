import ProctorCore
import Testing

/// Day windows as LiveCodeBench's loader applies them: the last day is kept only at midnight.
struct DateWindowTests {
    @Test func theFirstDayIsWholeAndTheLastOnlyAtMidnight() {
        let window = DateWindow(from: "2024-08-01", to: "2025-01-31")
        #expect(window.contains("2024-08-01T00:00:00"))
        #expect(window.contains("2024-08-01T19:30:00"))
        #expect(!window.contains("2024-07-31T23:59:59"))
        #expect(window.contains("2025-01-31T00:00:00"))
        #expect(window.contains("2025-01-31"))
        #expect(!window.contains("2025-01-31T19:30:00"))
        #expect(!window.contains("2025-02-01T00:00:00"))
    }

    @Test func openEndsKeepEverythingOnTheirSide() {
        #expect(DateWindow(from: nil, to: "2024-01-01").contains("1999-05-05T12:00:00"))
        #expect(DateWindow(from: "2024-01-01", to: nil).contains("2030-05-05T12:00:00"))
        #expect(DateWindow(from: nil, to: nil).contains("anything"))
    }

    @Test func commandLineDaysMustBeDaysOfTheCalendar() {
        #expect(DateWindow.problem(with: "2025-01-31") == nil)
        #expect(DateWindow.problem(with: "2024-02-29") == nil)
        #expect(DateWindow.problem(with: "2025-02-29")?.contains("not one") == true)
        #expect(DateWindow.problem(with: "2025-13-45")?.contains("not one") == true)
        #expect(DateWindow.problem(with: "2025-1-3")?.contains("YYYY-MM-DD") == true)
    }
}
