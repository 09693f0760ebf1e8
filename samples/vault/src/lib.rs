//! vault: native coin held by the contract on behalf of its depositors.
//!
//!   deposit  {"amount":N}    moves N native coin from the caller to the contract
//!                            and adds it to the caller's account; returns the balance
//!   withdraw {"amount":N}    pays N back to the caller; INSUFFICIENT_BALANCE when the
//!                            account holds less
//!   balance  {"owner":ADDR}  returns an account's balance (the caller's without "owner")
//!
//! N is 1..20 decimal digits and fits a u64; anything else is INVALID_PARAMS.
//! An account lives in state under "vault:" + the owner's address, its balance
//! as decimal text.
#![no_std]

mod wes;

use wes::Address;

/// One depositor's account, as loaded from state.
pub struct Account {
    pub owner: Address,
    pub balance: u64,
}

const KEY_PREFIX: &[u8] = b"vault:";
const KEY_LEN: usize = 6 + wes::ADDRESS_LEN;

impl Account {
    fn load(owner: Address) -> Account {
        let mut key = [0u8; KEY_LEN];
        let mut value = [0u8; 20];
        let stored = wes::state_get(account_key(&owner, &mut key), &mut value);
        // A balance that is not a decimal would be a bug of this contract: stop loudly.
        let balance = match stored {
            Some(text) => parse_amount(text).expect("corrupt vault balance"),
            None => 0,
        };
        Account { owner, balance }
    }

    fn store(&self) {
        let mut key = [0u8; KEY_LEN];
        let mut digits = [0u8; 20];
        wes::state_set(account_key(&self.owner, &mut key), wes::u64_to_dec(self.balance, &mut digits));
    }
}

fn account_key<'a>(owner: &Address, key: &'a mut [u8; KEY_LEN]) -> &'a [u8] {
    key[..KEY_PREFIX.len()].copy_from_slice(KEY_PREFIX);
    key[KEY_PREFIX.len()..].copy_from_slice(&owner.0);
    key
}

/// A plain decimal (1..20 digits, no sign); `None` on anything else or past u64.
pub fn parse_amount(text: &[u8]) -> Option<u64> {
    if text.is_empty() || text.len() > 20 {
        return None;
    }
    let mut value: u64 = 0;
    for &c in text {
        if !c.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_add((c - b'0') as u64)?;
    }
    Some(value)
}

/// A JSON string holding "0x" + 40 lowercase hex digits.
fn parse_address(json: &[u8]) -> Option<Address> {
    let text = json.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    if text.len() != wes::ADDRESS_LEN || !text.starts_with(b"0x") {
        return None;
    }
    if !text[2..].iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut address = Address([0; wes::ADDRESS_LEN]);
    address.0.copy_from_slice(text);
    Some(address)
}

/// params.amount, a positive amount.
fn amount_param(params: &[u8]) -> Option<u64> {
    wes::json_field(params, "amount").and_then(parse_amount).filter(|&amount| amount > 0)
}

fn return_balance(account: &Account) {
    let mut digits = [0u8; 20];
    wes::set_return_data(wes::u64_to_dec(account.balance, &mut digits));
}

#[no_mangle]
pub extern "C" fn deposit() -> i32 {
    let mut buf = [0u8; 256];
    let amount = match wes::params(&mut buf).and_then(amount_param) {
        Some(amount) => amount,
        None => return wes::INVALID_PARAMS,
    };
    let mut account = Account::load(wes::caller());
    let balance = match account.balance.checked_add(amount) {
        Some(balance) => balance,
        None => return wes::EXECUTION_FAILED,
    };
    if !wes::transfer_native(&account.owner, &wes::contract_address(), amount) {
        return wes::INSUFFICIENT_BALANCE;
    }
    account.balance = balance;
    account.store();
    wes::emit_event("Deposit", &amount.to_le_bytes());
    return_balance(&account);
    wes::SUCCESS
}

#[no_mangle]
pub extern "C" fn withdraw() -> i32 {
    let mut buf = [0u8; 256];
    let amount = match wes::params(&mut buf).and_then(amount_param) {
        Some(amount) => amount,
        None => return wes::INVALID_PARAMS,
    };
    let mut account = Account::load(wes::caller());
    if amount > account.balance {
        return wes::INSUFFICIENT_BALANCE;
    }
    if !wes::transfer_native(&wes::contract_address(), &account.owner, amount) {
        return wes::EXECUTION_FAILED;
    }
    account.balance -= amount;
    account.store();
    wes::emit_event("Withdraw", &amount.to_le_bytes());
    return_balance(&account);
    wes::SUCCESS
}

#[no_mangle]
pub extern "C" fn balance() -> i32 {
    let mut buf = [0u8; 256];
    let params = match wes::params(&mut buf) {
        Some(params) => params,
        None => return wes::INVALID_PARAMS,
    };
    let owner: Option<Address> = match wes::json_field(params, "owner") {
        Some(json) => match parse_address(json) {
            Some(address) => Some(address),
            None => return wes::INVALID_PARAMS,
        },
        None => None,
    };
    let account = Account::load(owner.unwrap_or_else(wes::caller));
    return_balance(&account);
    wes::SUCCESS
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
