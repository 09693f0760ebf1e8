import Testing
@testable import DebugInfo
