import ContractHost
import Testing
import WasmVM

/// v128 text (issue 13 item 3): lanes shown lane 0 first, typed strings that parse back,
/// snapshot args with lanes.
struct V128TextTests {
    static let value = V128(low: 0x0000_0002_ffff_ffff, high: 0x7fc0_0000_3fc0_0000)

    @Test func everyShapeShowsAndParsesBack() throws {
        let expected: [V128Shape: String] = [
            .hex: "v128 0x7fc000003fc0000000000002ffffffff",
            .i8x16: "i8x16 [-1 -1 -1 -1 2 0 0 0 0 0 -64 63 0 0 -64 127]",
            .i16x8: "i16x8 [-1 -1 2 0 0 16320 0 32704]",
            .i32x4: "i32x4 [-1 2 1069547520 2143289344]",
            .i64x2: "i64x2 [12884901887 9205357639414841344]",
            .f32x4: "f32x4 [-nan(0x1fffff) 3e-45 1.5 nan]",
            .f64x2: "f64x2 [6.3659873724e-314 2.247116952239408e+307]",
        ]
        for shape in V128Shape.allCases {
            #expect(Self.value.text(shape) == expected[shape], "\(shape)")
            // Integer and hex shapes round-trip exactly; float lanes keep their value (NaN payloads need hex).
            let back = try V128(typedBody: Self.value.typedBody(shape))
            if !shape.isFloat { #expect(back == Self.value, "\(shape)") }
            #expect(Value.v128(Self.value).typedText(v128: shape) == "v128:" + Self.value.typedBody(shape))
        }
        #expect(Self.value.typedBody(.i16x8) == "i16x8:-1,-1,2,0,0,16320,0,32704")
        #expect(V128Shape.hex.next == .i8x16 && V128Shape.f64x2.next == .hex)
    }

    @Test func snapshotArgsTakeLanes() throws {
        let text = Fixtures.snapshotText(call: #"{"function":"f","args":["v128:i32x4:1,2,3,4","v128:0x1"]}"#)
        let s = try ChainSnapshot.parse(bytes: Array(text.utf8), file: "s.json")
        #expect(s.call.args == [.v128(V128(low: 0x2_0000_0001, high: 0x4_0000_0003)), .v128(V128(low: 1, high: 0))])
        #expect(Fixtures.parseError(Fixtures.snapshotText(call: #"{"function":"f","args":["v128:i8x16:1"]}"#))
            == "token.snapshot.json: call.args[0]: i8x16 takes 16 lanes separated by commas, 1 given")
    }
}
