import Testing
@testable import WasmVM

/// Expected outputs are those of rustfilt-style demangling (hash dropped) for
/// Rust legacy names, llvm-cxxfilt-14 for Rust v0 and binutils' c++filt for
/// Itanium C++; the symbols come from samples/vault (legacy; v0 with
/// `-C symbol-mangling-version=v0`), clang++-14 and libstdc++.
@Suite struct DemangleTests {
    @Test(arguments: [
        ("_ZN5vault12parse_amount17h6ca08b5a431a2420E", "vault::parse_amount"),
        ("_ZN5vault7Account4load17h27b6cfb5607ff6aeE", "vault::Account::load"),
        ("_ZN5vault3wes3raw10get_caller17hbf1f28426dd0a9d0E", "vault::wes::raw::get_caller"),
        ("_ZN5vault13parse_address28_$u7b$$u7b$closure$u7d$$u7d$17h6993f6194e70bc4aE", "vault::parse_address::{{closure}}"),
        ("_ZN4core6option15Option$LT$T$GT$6expect17h114df65cf9b5be9aE", "core::option::Option<T>::expect"),
        ("_ZN4core3ptr28drop_in_place$LT$$RF$u64$GT$17h1d02b19a6a06a02bE.llvm.5115463553621482282", "core::ptr::drop_in_place<&u64>"),
        ("_ZN4core5array85_$LT$impl$u20$core..ops..index..Index$LT$I$GT$$u20$for$u20$$u5b$T$u3b$$u20$N$u5d$$GT$5index17h0570bc99f3876429E",
         "core::array::<impl core::ops::index::Index<I> for [T; N]>::index"),
        ("_ZN106_$LT$core..ops..range..Range$LT$usize$GT$$u20$as$u20$core..slice..index..SliceIndex$LT$$u5b$T$u5d$$GT$$GT$5index17h7ef7ba4eaec061b7E",
         "<core::ops::range::Range<usize> as core::slice::index::SliceIndex<[T]>>::index"),
        ("_ZN4core3ptr9const_ptr33_$LT$impl$u20$$BP$const$u20$T$GT$7is_null17hde7d8d9f8514b562E", "core::ptr::const_ptr::<impl *const T>::is_null"),
        ("_ZN36_$LT$T$u20$as$u20$core..any..Any$GT$7type_id17h1eb33050df948c2cE", "<T as core::any::Any>::type_id"),
        ("_ZN17compiler_builtins3mem6memcpy17h79ddd583664b3214E", "compiler_builtins::mem::memcpy"),
        ("_ZN4core3fmt3num3imp7fmt_u6417h000cdb48f9d4baccE.llvm.6387201050041093844", "core::fmt::num::imp::fmt_u64"),
    ])
    func rustLegacy(symbol: String, expected: String) {
        #expect(Demangle.name(symbol) == expected)
    }

    @Test(arguments: [
        ("_RNvCs3CKAgideXN0_5vault12parse_amount", "vault::parse_amount"),
        ("_RNvMCs3CKAgideXN0_5vaultNtB2_7Account4load", "<vault::Account>::load"),
        ("_RNCNvCs3CKAgideXN0_5vault13parse_address0B3_", "vault::parse_address::{closure#0}"),
        ("_RNvXsd_NtCs4EoLUFkKuUC_4core5arrayAhj14_INtNtNtB7_3ops5index5IndexINtNtBH_5range9RangeFromjEE5indexCs3CKAgideXN0_5vault",
         "<[u8; 20] as core::ops::index::Index<core::ops::range::RangeFrom<usize>>>::index"),
        ("_RNvXs7_NtNtCs4EoLUFkKuUC_4core3cmp5implsRShNtB7_9PartialEq2eqCs3CKAgideXN0_5vault", "<&[u8] as core::cmp::PartialEq>::eq"),
        ("_RINvMNtNtCs4EoLUFkKuUC_4core3ptr9const_ptrPh4castuECs3CKAgideXN0_5vault", "<*const u8>::cast::<()>"),
        ("_RNvMs1_NtNtCs4EoLUFkKuUC_4core3ptr8non_nullINtB5_7NonNullhE6as_ptrCs3CKAgideXN0_5vault", "<core::ptr::non_null::NonNull<u8>>::as_ptr"),
        ("_RNvMNtCs4EoLUFkKuUC_4core3stre3lenCs3CKAgideXN0_5vault", "<str>::len"),
        ("_RIC8functionFEuE", "function::<fn()>"),
        ("_RIC8functionFUK21C_cmse_nonsecure_callEuE", "function::<unsafe extern \"C-cmse-nonsecure-call\" fn()>"),
        ("_RIC8functionFhtEmE", "function::<fn(u8, u16) -> u32>"),
        ("_RIC8functionFG_RL0_hEuE", "function::<for<'a> fn(&'a u8)>"),
        ("_RIC3fooDNtC3std3AnyNtC3std4SendEL_E", "foo::<dyn std::Any + std::Send>"),
        ("_RIC3fooDG_INtC3std2FnTRL0_hEEp6OutputuEL_E", "foo::<dyn for<'a> std::Fn<(&'a u8,), Output = ()>>"),
        ("_RIC3fooTaEE", "foo::<(i8,)>"),
        ("_RIC3fooTahEE", "foo::<(i8, u8)>"),
        ("_RIC3fooQhE", "foo::<&mut u8>"),
        ("_RIC3fooOhE", "foo::<*mut u8>"),
        ("_RIC3fooKb1_E", "foo::<true>"),
        ("_RIC3fooKanb_E", "foo::<-11>"),
        ("_RIC3fooKc27_E", "foo::<'\\''>"),
        ("_RIC3fooKo123456789abcdef0123_E", "foo::<0x123456789abcdef0123>"),
        ("_RNCNvC3foo3bars_0", "foo::bar::{closure#1}"),
        ("_RNSNvC3foo3bar6vtable", "foo::bar::{shim:vtable#0}"),
        ("_RNvYhNtC3std5Clone5clone", "<u8 as std::Clone>::clone"),
        ("_RINvC3foo3barB6_E", "foo::bar::<u128>"),
        ("_RNvC3foo3bar.llvm.1234", "foo::bar"),
    ])
    func rustV0(symbol: String, expected: String) {
        #expect(Demangle.name(symbol) == expected)
    }

    @Test(arguments: [
        ("_ZN5vault7AccountC1Ev", "vault::Account::Account()"),
        ("_ZN5vault7AccountD2Ev", "vault::Account::~Account()"),
        ("_ZNK5vault7Account3getEv", "vault::Account::get() const"),
        ("_ZN5vault7AccountpLERKS0_", "vault::Account::operator+=(vault::Account const&)"),
        ("_ZNK5vault7AccountcvbEv", "vault::Account::operator bool() const"),
        ("_ZN5vault7Account5countE", "vault::Account::count"),
        ("_ZN5vault2cbEPFviERA10_iPKPKcyPVi", "vault::cb(void (*)(int), int (&) [10], char const* const*, unsigned long long, int volatile*)"),
        ("_ZN5vault2rrEONS_7AccountEDsDiwfeDn", "vault::rr(vault::Account&&, char16_t, char32_t, wchar_t, float, long double, decltype(nullptr))"),
        ("_ZN5vault2upESt10unique_ptrINS_7AccountESt14default_deleteIS1_EESt8functionIFilEE",
         "vault::up(std::unique_ptr<vault::Account, std::default_delete<vault::Account> >, std::function<int (long)>)"),
        ("_ZN5vault3BoxIsE2asIdEET_S3_", "double vault::Box<short>::as<double>(double)"),
        ("_ZN5vault3maxIiEET_S1_S1_", "int vault::max<int>(int, int)"),
        ("_ZN5vault4arr2EPA4_i", "vault::arr2(int (*) [4])"),
        ("_ZN5vault4flagILb1EEEiv", "int vault::flag<true>()"),
        ("_ZN5vault6ufixedILj7EEEiv", "int vault::ufixed<7u>()"),
        ("_ZN5vault6memberEMNS_7AccountEiMS0_KFlvE", "vault::member(int vault::Account::*, long (vault::Account::*)() const)"),
        ("_ZN5vault6varargEiz", "vault::vararg(int, ...)"),
        ("_ZN5vault12_GLOBAL__N_16hiddenEd", "vault::(anonymous namespace)::hidden(double)"),
        ("_ZZN5vault5localEvE7counter", "vault::local()::counter"),
        ("_ZZN5vault5localEvEN1L1fEv", "vault::local()::L::f()"),
        ("_ZNSt6vectorIiSaIiEE9push_backERKi", "std::vector<int, std::allocator<int> >::push_back(int const&)"),
        ("_ZSt4swapIiEvRT_S1_", "void std::swap<int>(int&, int&)"),
        ("_ZNSaIcEC1ERKS_", "std::allocator<char>::allocator(std::allocator<char> const&)"),
        ("_ZNKSt4hashISsEclESs",
         "std::hash<std::basic_string<char, std::char_traits<char>, std::allocator<char> > >::operator()(std::basic_string<char, std::char_traits<char>, std::allocator<char> >) const"),
        ("_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc",
         "std::basic_ostream<char, std::char_traits<char> >& std::operator<< <std::char_traits<char> >(std::basic_ostream<char, std::char_traits<char> >&, char const*)"),
        ("_ZNSt12__shared_ptrINSt10filesystem4_DirELN9__gnu_cxx12_Lock_policyE2EEC2Ev",
         "std::__shared_ptr<std::filesystem::_Dir, (__gnu_cxx::_Lock_policy)2>::__shared_ptr()"),
        ("_ZNSt8ios_base17register_callbackEPFvNS_5eventERS_iEi",
         "std::ios_base::register_callback(void (*)(std::ios_base::event, std::ios_base&, int), int)"),
        ("_ZTVSt9exception", "vtable for std::exception"),
        ("_ZThn16_NSt9strstreamD1Ev", "non-virtual thunk to std::strstream::~strstream()"),
        ("_ZGVNSt10moneypunctIcLb0EE2idE", "guard variable for std::moneypunct<char, false>::id"),
        ("_Z3foov.cold", "foo() [clone .cold]"),
    ])
    func itanium(symbol: String, expected: String) {
        #expect(Demangle.name(symbol) == expected)
    }

    /// Plain names (C, exports) and everything malformed come back unchanged.
    @Test(arguments: [
        "deposit", "memcpy", "func[3]", "env.get_caller", "", "_Z", "_R", "_ZN", "_ZNE", "_ZN5vaultE_",
        "_ZN5vault12parse_amount17h6ca08b5a431a2420", "_ZN99vaultE", "_ZN5va$zz$tE",
        "_RNvC3foo", "_R1NvC3foo3bar", "_RNvB1_3bar", "_RNvNvC3fooB2_", "_RNvCu3foo3bar", "_RIC3fooKb2_E",
        "_RNvC3foo3barX", "_Z3fooI", "_ZN3fooC9Ev", "_Z1fT_", "_Z1fS_", "_ZSaIc", "_Z3fooPFvE", "_ZNK3foo",
        "_ZN5vault\u{e9}3fooE", "_ZN5vault 3fooE",
    ])
    func notDemangled(symbol: String) {
        #expect(Demangle.demangled(symbol) == nil)
        #expect(Demangle.name(symbol) == symbol)
    }

    /// Nesting past the depth bound, loops through backrefs and substitutions that
    /// would print exponentially much: refused, promptly.
    @Test func pathologicalInputsAreRefused() {
        let deep = [
            "_RN" + String(repeating: "vN", count: 1500) + "vC3foo" + String(repeating: "1a", count: 1500),
            "_Z1f" + String(repeating: "P", count: 3000) + "i",
            "_ZN" + String(repeating: "1aIi", count: 900) + "E" + String(repeating: "E", count: 900),
            "_RIC1a" + String(repeating: "INvB_1a", count: 400) + String(repeating: "E", count: 401),
            "_RNvNvB_1a1b",
            "_Z1f" + String(repeating: "S_", count: 2000),
            "_Z1fPi" + String(repeating: "PS_", count: 1000),
            // Each function type takes the previous one twice: 2^30 copies if nothing stopped it.
            "_Z1fPFviE" + (0 ..< 30).map { "FvS\(String($0, radix: 36, uppercase: true))_S\(String($0, radix: 36, uppercase: true))_E" }.joined(),
            "_Z1fILi1EE" + String(repeating: "T_", count: 4000),
        ]
        for symbol in deep { #expect(Demangle.demangled(symbol) == nil) }
        #expect(Demangle.demangled(String(repeating: "_ZN1aE", count: 1000)) == nil)
    }

    /// Random edits of real symbols and random strings: never a crash or a hang, and a
    /// demangled name is never empty.
    @Test func fuzzedSymbolsNeverCrash() {
        let seeds = [
            "_ZN5vault12parse_amount17h6ca08b5a431a2420E",
            "_ZN106_$LT$core..ops..range..Range$LT$usize$GT$$u20$as$u20$core..slice..index..SliceIndex$LT$$u5b$T$u5d$$GT$$GT$5index17h7ef7ba4eaec061b7E",
            "_RNvXsd_NtCs4EoLUFkKuUC_4core5arrayAhj14_INtNtNtB7_3ops5index5IndexINtNtBH_5range9RangeFromjEE5indexCs3CKAgideXN0_5vault",
            "_RIC3fooDG_INtC3std2FnTRL0_hEEp6OutputuEL_E",
            "_ZN5vault2upESt10unique_ptrINS_7AccountESt14default_deleteIS1_EESt8functionIFilEE",
            "_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc",
            "_ZN5vault6memberEMNS_7AccountEiMS0_KFlvE",
        ]
        let alphabet = Array("_0123456789ABCDEFGIJKLMNOPQRSTUVXYZabcdefghijklmnopqrstuvwxyz$.E")
        var rng = SplitMix64(seed: 0x5eed)
        var demangledCount = 0
        for i in 0 ..< 10_000 {
            var bytes = Array(seeds[i % seeds.count])
            for _ in 0 ... Int(rng.next() % 4) {
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                let c = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                switch rng.next() % 3 {
                case 0: bytes.insert(c, at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = c }
                }
            }
            let symbol = String(bytes)
            if let text = Demangle.demangled(symbol) {
                #expect(!text.isEmpty)
                demangledCount += 1
            }
            let random = String((0 ..< Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            _ = Demangle.demangled("_R" + random)
            _ = Demangle.demangled("_Z" + random)
        }
        // Most single edits still read as something (a length change shifts names).
        #expect(demangledCount > 1000)
    }
}

/// A small deterministic generator: the fuzz test runs the same inputs every time.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
