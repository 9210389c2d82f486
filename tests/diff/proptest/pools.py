"""Values shared by the data generator and the rule generator, so that generated conditions
compare columns with values the data holds (and so sometimes hit): codes, diagnoses, ids, dates
around month, quarter and year boundaries, amounts at the edges (zero, negative, one fen)."""

PERSONS = ["P1", "P2", "P3", "P4", "P5", "P6"]
INSTITUTIONS = ["H1", "H2", "H3", "H4", "Y1"]
ITEMS = ["A01", "A02", "B10", "C20", "D30", "XA10BHS101A001", "ZC01"]
UNLISTED_ITEMS = ["X99", "A0"]  # billed, but not in the catalogue
DOCTORS = ["D1", "D2", "D3"]
DEPARTMENTS = ["K01", "K02"]
DIAGNOSES = ["I63.900", "I63", "I10", "J06.900", "E11.900", "Z51.000", "O80.000", "N40", "K80.100", "J00"]
PREFIXES = ["I6", "I63", "E11", "J0", "Z", "O", "N4", "K", "I63.900"]
NAMES = ["甲医院", "乙药房", "静脉输液", "床位费", "a,b", 'say "hi"', " 空格 ", "Ｘ全角", "{brace}"]
TEXTS = PERSONS + INSTITUTIONS + ITEMS + DIAGNOSES + PREFIXES + ["", "2024-03", "2024Q1", "2024", "S1", "F1", "D1"]
MONTHS = ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04"]

DATES = ["2023-12-31", "2024-01-01", "2024-01-31", "2024-02-01", "2024-02-28", "2024-02-29",
         "2024-03-01", "2024-03-31", "2024-04-01", "2024-04-02"]
TIMES = ["00:00:00", "08:00:00", "12:30:15", "23:59:59"]

MONEY = ["0.00", "0.01", "-0.01", "0.05", "1.00", "9.99", "10.00", "-5.00", "99.99", "100.00",
         "333.33", "1000.00", "1234.56", "-1234.56", "99999.99"]
DEC = ["0", "1", "2", "3", "0.5", "1.5", "-1", "0.3333", "2.0001", "10", "100", "0.0001"]
INTS = ["0", "1", "2", "3", "5", "17", "18", "60", "61", "120", "-1"]

# literals written in rules
INT_LITERALS = ["0", "1", "2", "3", "7", "15", "30", "60", "-1", "100"]
DEC_LITERALS = ["0.5", "1.5", "2", "0", "0.3333", "-1.25", "80%", "12.5%", "0.0001", "3"]
MONEY_LITERALS = ["0.00", "0.01", "10.00", "-5.00", "99.99", "100", "0", "1000.00", "0.05"]
