// DWARF fixture for the DebugInfo tests (not a contract): Rust structs, enums,
// Option, slices and &str at -O0, built by samples/build.sh with Debian's rustc
// (-O0, one codegen unit; core's own debug info makes it a 2 MB module, the
// size the reader's speed is measured on).
#![no_std]

pub struct Point {
    pub x: i32,
    pub y: i32,
}

pub enum Shape {
    Circle { r: u32 },
    Rect(Point, Point),
    Empty,
}

#[derive(Clone, Copy)]
pub enum Color {
    Red,
    Green,
    Blue,
}

pub mod geometry {
    use super::{Point, Shape};

    pub fn area(s: &Shape) -> u64 {
        match s {
            Shape::Circle { r } => (*r as u64) * (*r as u64) * 3,
            Shape::Rect(a, b) => ((b.x - a.x) as i64 * (b.y - a.y) as i64) as u64,
            Shape::Empty => 0,
        }
    }

    pub fn origin() -> Point {
        Point { x: 0, y: 0 }
    }
}

fn sum(xs: &[u8]) -> u32 {
    let mut total = 0u32;
    for x in xs {
        total += *x as u32;
    }
    total
}

fn find(xs: &[u8], v: u8) -> Option<usize> {
    let mut i = 0;
    while i < xs.len() {
        if xs[i] == v {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn describe(name: &str, color: Color, maybe: Option<u32>) -> usize {
    let shade = color as usize;
    let extra = match maybe {
        Some(v) => v as usize,
        None => 0,
    };
    name.len() + shade + extra
}

#[no_mangle]
pub extern "C" fn run(n: u32) -> u64 {
    let data = [1u8, 2, 3, 4];
    let s = sum(&data);
    let found = find(&data, 3);
    let missing = find(&data, 9);
    let shapes = [Shape::Circle { r: n }, Shape::Rect(Point { x: 1, y: 2 }, Point { x: 4, y: 6 }), Shape::Empty];
    let mut t = 0u64;
    for sh in &shapes {
        t += geometry::area(sh);
    }
    let o = geometry::origin();
    let d = describe("gold", Color::Blue, found.map(|v| v as u32));
    t + s as u64 + d as u64 + missing.unwrap_or(0) as u64 + o.x as u64
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
