//! The WES contract host ABI for `#![no_std]` Rust (`--target wasm32-unknown-unknown`).
//!
//! The raw imports of HOST-ABI.md (module `env`) this contract needs, as
//! `samples/include/wes.h` declares them for C, and safe wrappers over them:
//! slices instead of pointer/length pairs, `Option` instead of status codes.

/// Status codes of `() -> i32` entry points.
pub const SUCCESS: i32 = 0;
pub const INVALID_PARAMS: i32 = 1;
pub const INSUFFICIENT_BALANCE: i32 = 2;
pub const EXECUTION_FAILED: i32 = 6;

/// An address is always 42 ASCII bytes: "0x" + 40 lowercase hex digits.
pub const ADDRESS_LEN: usize = 42;

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Address(pub [u8; ADDRESS_LEN]);

mod raw {
    #[link(wasm_import_module = "env")]
    extern "C" {
        pub fn get_caller(out: *mut u8) -> i32;
        pub fn get_contract_address(out: *mut u8) -> i32;
        pub fn get_contract_params_len() -> i32;
        pub fn get_contract_params(out: *mut u8) -> i32;
        pub fn set_return_data(ptr: *const u8, len: i32);
        pub fn emit_event(name: *const u8, name_len: i32, data: *const u8, data_len: i32);
        pub fn execute_utxo_transfer(from: *const u8, to: *const u8, amount: i64, token: *const u8, token_len: i32) -> i32;
        pub fn state_get(key: *const u8, key_len: i32, out: *mut u8) -> i32;
        pub fn state_get_len(key: *const u8, key_len: i32) -> i32;
        pub fn state_set(key: *const u8, key_len: i32, val: *const u8, val_len: i32) -> i32;
    }
}

pub fn caller() -> Address {
    let mut a = Address([0; ADDRESS_LEN]);
    unsafe { raw::get_caller(a.0.as_mut_ptr()) };
    a
}

pub fn contract_address() -> Address {
    let mut a = Address([0; ADDRESS_LEN]);
    unsafe { raw::get_contract_address(a.0.as_mut_ptr()) };
    a
}

/// The call's params (canonical JSON) read into `buf`; `None` when they do not fit.
pub fn params(buf: &mut [u8]) -> Option<&[u8]> {
    let len = unsafe { raw::get_contract_params_len() };
    if len < 0 || len as usize > buf.len() {
        return None;
    }
    unsafe { raw::get_contract_params(buf.as_mut_ptr()) };
    Some(&buf[..len as usize])
}

pub fn set_return_data(data: &[u8]) {
    unsafe { raw::set_return_data(data.as_ptr(), data.len() as i32) }
}

pub fn emit_event(name: &str, data: &[u8]) {
    unsafe { raw::emit_event(name.as_ptr(), name.len() as i32, data.as_ptr(), data.len() as i32) }
}

/// Moves `amount` of the native coin; false when the host refuses (balance, authorization).
pub fn transfer_native(from: &Address, to: &Address, amount: u64) -> bool {
    unsafe { raw::execute_utxo_transfer(from.0.as_ptr(), to.0.as_ptr(), amount as i64, core::ptr::null(), 0) == 1 }
}

/// The value of `key` read into `buf`; `None` when absent or larger than `buf`.
pub fn state_get<'a>(key: &[u8], buf: &'a mut [u8]) -> Option<&'a [u8]> {
    let len = unsafe { raw::state_get_len(key.as_ptr(), key.len() as i32) };
    if len < 0 || len as usize > buf.len() {
        return None;
    }
    unsafe { raw::state_get(key.as_ptr(), key.len() as i32, buf.as_mut_ptr()) };
    Some(&buf[..len as usize])
}

pub fn state_set(key: &[u8], value: &[u8]) {
    unsafe { raw::state_set(key.as_ptr(), key.len() as i32, value.as_ptr(), value.len() as i32) };
}

/// Writes `v` in decimal into `out`; returns the digits.
pub fn u64_to_dec(mut v: u64, out: &mut [u8; 20]) -> &[u8] {
    let mut i = out.len();
    loop {
        i -= 1;
        out[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &out[i..]
}

/// The raw JSON text of the top-level member `key` of a canonical JSON object
/// (keys sorted, no spaces); `None` when absent or malformed.
pub fn json_field<'a>(json: &'a [u8], key: &str) -> Option<&'a [u8]> {
    if json.len() < 2 || json[0] != b'{' {
        return None;
    }
    let mut i = 1;
    while i < json.len() && json[i] == b'"' {
        let name_end = skip_value(json, i)?;
        let name = &json[i + 1..name_end - 1];
        if json.get(name_end) != Some(&b':') {
            return None;
        }
        let value_end = skip_value(json, name_end + 1)?;
        if name == key.as_bytes() {
            return Some(&json[name_end + 1..value_end]);
        }
        match json.get(value_end) {
            Some(b',') => i = value_end + 1,
            _ => return None,
        }
    }
    None
}

/// The end of the JSON value starting at `json[start]`.
fn skip_value(json: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        match *json.get(i)? {
            b'"' => {
                i += 1;
                while *json.get(i)? != b'"' {
                    i += if json[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b',' | b':' if depth > 0 => i += 1,
            b',' | b':' => return None,
            _ => {
                let s = i;
                while i < json.len() && !matches!(json[i], b',' | b'}' | b']' | b':') {
                    i += 1;
                }
                if i == s {
                    return None;
                }
            }
        }
        if depth == 0 {
            return Some(i);
        }
    }
}
