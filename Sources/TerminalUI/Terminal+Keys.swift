import CNcurses
import DebuggerUI

extension Terminal {
    /// Blocks for the next key or event; nil for input that means nothing to wesdbg.
    func readKey() -> Key? {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return nil }
        if status == KEY_CODE_YES { return special(Int32(bitPattern: code)) }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(UInt8(code) + 96)))
        case 0..<32: return nil
        default: return UnicodeScalar(code).map { .character(Character($0)) }
        }
    }

    /// Whether Ctrl-C was typed since the last read, without waiting; other keys typed
    /// meanwhile are dropped (the run they would act on is still under way).
    func interruptTyped() -> Bool {
        wtimeout(window, 0)
        defer { wtimeout(window, -1) }
        var code: wint_t = 0
        while true {
            let status = wget_wch(window, &code)
            if status == ERR { return false }
            if status == OK, code == 3 { return true }
        }
    }

    private func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let state = event.bstate
            let kind: MouseEvent.Kind
            if wesdbg_mouse_is_wheel_up(state) != 0 { kind = .wheelUp }
            else if wesdbg_mouse_is_wheel_down(state) != 0 { kind = .wheelDown }
            else if wesdbg_mouse_is_click(state) != 0 { kind = .click }
            else { return nil }
            return .mouse(MouseEvent(kind, column: Int(event.x), row: Int(event.y)))
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
