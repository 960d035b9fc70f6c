//! Units of quantities: the phrases that may follow a number, and their canonical names.
//!
//! Each line of [`TABLE`] is `pattern|canonical`; the pattern is a space-separated
//! sequence of tokens as the lexer splits them (`km / h`, `sq m`, `lb - ft`, `° c`). A
//! leading `!` makes the pattern case-sensitive (short abbreviations where case carries
//! meaning: `W`, `MW`, `mW`; `G` is not gram). Longer patterns win over shorter ones.

use std::collections::HashMap;
use std::sync::LazyLock;

/// One unit pattern.
#[derive(Debug)]
pub struct UnitDef {
    pub tokens: Vec<&'static str>,
    pub name: &'static str,
    pub exact_case: bool,
}

const TABLE: &str = "
second|second
seconds|second
sec|second
secs|second
millisecond|millisecond
milliseconds|millisecond
ms|millisecond
minute|minute
minutes|minute
min|minute
mins|minute
hour|hour
hours|hour
hr|hour
hrs|hour
!h|hour
day|day
days|day
week|week
weeks|week
fortnight|fortnight
fortnights|fortnight
month|month
months|month
mth|month
mths|month
year|year
years|year
yr|year
yrs|year
decade|decade
decades|decade
century|century
centuries|century
mile|mile
miles|mile
mi|mile
nautical mile|nautical mile
nautical miles|nautical mile
light year|light year
light years|light year
light-year|light year
light-years|light year
km|kilometre
kilometre|kilometre
kilometres|kilometre
kilometer|kilometre
kilometers|kilometre
!m|metre
metre|metre
metres|metre
meter|metre
meters|metre
cm|centimetre
centimetre|centimetre
centimetres|centimetre
centimeter|centimetre
centimeters|centimetre
mm|millimetre
millimetre|millimetre
millimetres|millimetre
millimeter|millimetre
millimeters|millimetre
µm|micrometre
μm|micrometre
micrometre|micrometre
micrometres|micrometre
micrometer|micrometre
micrometers|micrometre
micron|micrometre
microns|micrometre
nm|nanometre
nanometre|nanometre
nanometres|nanometre
nanometer|nanometre
nanometers|nanometre
yard|yard
yards|yard
yd|yard
yds|yard
foot|foot
feet|foot
ft|foot
inch|inch
inches|inch
sq m|square metre
sqm|square metre
m 2|square metre
m ²|square metre
square metre|square metre
square metres|square metre
square meter|square metre
square meters|square metre
sq km|square kilometre
km 2|square kilometre
km ²|square kilometre
square kilometre|square kilometre
square kilometres|square kilometre
square kilometer|square kilometre
square kilometers|square kilometre
sq mi|square mile
square mile|square mile
square miles|square mile
sq ft|square foot
sqft|square foot
square foot|square foot
square feet|square foot
acre|acre
acres|acre
hectare|hectare
hectares|hectare
ha|hectare
litre|litre
litres|litre
liter|litre
liters|litre
!l|litre
!L|litre
ml|millilitre
millilitre|millilitre
millilitres|millilitre
milliliter|millilitre
milliliters|millilitre
gallon|gallon
gallons|gallon
gal|gallon
pint|pint
pints|pint
barrel|barrel
barrels|barrel
bbl|barrel
bpd|barrel per day
cubic metre|cubic metre
cubic metres|cubic metre
cubic meters|cubic metre
m 3|cubic metre
kg|kilogram
kgs|kilogram
kilo|kilogram
kilos|kilogram
kilogram|kilogram
kilograms|kilogram
kilogramme|kilogram
kilogrammes|kilogram
!g|gram
gram|gram
grams|gram
gramme|gram
grammes|gram
mg|milligram
milligram|milligram
milligrams|milligram
mcg|microgram
µg|microgram
μg|microgram
microgram|microgram
micrograms|microgram
tonne|tonne
tonnes|tonne
ton|tonne
tons|tonne
lb|pound (mass)
lbs|pound (mass)
oz|ounce
ounce|ounce
ounces|ounce
stone|stone
carat|carat
carats|carat
gigaton|gigatonne
gigatons|gigatonne
gigatonne|gigatonne
gigatonnes|gigatonne
!Gt|gigatonne
megaton|megatonne
megatons|megatonne
megatonne|megatonne
megatonnes|megatonne
mph|mile per hour
m . p . h .|mile per hour
m . p . h|mile per hour
miles per hour|mile per hour
mile per hour|mile per hour
miles an hour|mile per hour
km / h|kilometre per hour
kph|kilometre per hour
kmh|kilometre per hour
kilometres per hour|kilometre per hour
kilometers per hour|kilometre per hour
kilometres an hour|kilometre per hour
m / s|metre per second
metres per second|metre per second
meters per second|metre per second
knot|knot
knots|knot
mpg|mile per gallon
miles per gallon|mile per gallon
° c|degree Celsius
° f|degree Fahrenheit
!C|degree Celsius
!F|degree Fahrenheit
°|degree
degree|degree
degrees|degree
degree celsius|degree Celsius
degrees celsius|degree Celsius
degrees centigrade|degree Celsius
degree fahrenheit|degree Fahrenheit
degrees fahrenheit|degree Fahrenheit
celsius|degree Celsius
fahrenheit|degree Fahrenheit
kelvin|kelvin
!K|kelvin
!W|watt
watt|watt
watts|watt
!kW|kilowatt
kilowatt|kilowatt
kilowatts|kilowatt
!MW|megawatt
megawatt|megawatt
megawatts|megawatt
!GW|gigawatt
gigawatt|gigawatt
gigawatts|gigawatt
!TW|terawatt
terawatt|terawatt
terawatts|terawatt
kwh|kilowatt hour
kilowatt hour|kilowatt hour
kilowatt hours|kilowatt hour
kilowatt-hours|kilowatt hour
mwh|megawatt hour
megawatt hours|megawatt hour
gwh|gigawatt hour
gigawatt hours|gigawatt hour
twh|terawatt hour
terawatt hours|terawatt hour
hp|horsepower
bhp|horsepower
horsepower|horsepower
joule|joule
joules|joule
calorie|calorie
calories|calorie
kcal|kilocalorie
!V|volt
volt|volt
volts|volt
!kV|kilovolt
kilovolt|kilovolt
kilovolts|kilovolt
kv / cm|kilovolt per centimetre
mah|milliampere hour
hz|hertz
hertz|hertz
khz|kilohertz
mhz|megahertz
ghz|gigahertz
byte|byte
bytes|byte
!KB|kilobyte
!kB|kilobyte
kilobyte|kilobyte
kilobytes|kilobyte
!MB|megabyte
megabyte|megabyte
megabytes|megabyte
!GB|gigabyte
gigabyte|gigabyte
gigabytes|gigabyte
!TB|terabyte
terabyte|terabyte
terabytes|terabyte
!PB|petabyte
kbps|kilobit per second
mbps|megabit per second
gbps|gigabit per second
megapixel|megapixel
megapixels|megapixel
!MP|megapixel
psi|pound per square inch
ksi|kilopound per square inch
pa|pascal
kpa|kilopascal
mpa|megapascal
gpa|gigapascal
ppm|part per million
ppb|part per billion
parts per million|part per million
parts per billion|part per billion
lb - ft|pound-foot
pound-feet|pound-foot
newton metres|newton metre
db|decibel
decibel|decibel
decibels|decibel
point|point
points|point
";

/// FNV-1a: the unit table is looked up after every number, with short keys, where
/// SipHash's DoS resistance buys nothing.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The unit patterns, indexed by their first token (lower case).
pub static UNITS: LazyLock<FnvMap<String, Vec<UnitDef>>> = LazyLock::new(|| {
    let mut map: FnvMap<String, Vec<UnitDef>> = FnvMap::default();
    for line in TABLE.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (pattern, name) = line.split_once('|').expect("every unit line has a '|'");
        let (pattern, exact_case) = match pattern.strip_prefix('!') {
            Some(p) => (p, true),
            None => (pattern, false),
        };
        let tokens: Vec<&'static str> = pattern.split(' ').collect();
        map.entry(tokens[0].to_lowercase()).or_default().push(UnitDef { tokens, name, exact_case });
    }
    for defs in map.values_mut() {
        defs.sort_by_key(|d| std::cmp::Reverse(d.tokens.len()));
    }
    map
});

/// Time units, which make a rate after another unit ("barrels a day") and an adjective
/// when hyphenated to a number ("a five-year plan").
pub const TIME_UNITS: &[&str] =
    &["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century", "millisecond"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_longer_patterns_come_first() {
        let m = &UNITS["miles"];
        assert!(m[0].tokens.len() >= m[m.len() - 1].tokens.len());
        assert!(UNITS["w"].iter().any(|d| d.exact_case && d.name == "watt"));
        assert!(UNITS.values().flatten().all(|d| !d.name.is_empty()));
    }
}
