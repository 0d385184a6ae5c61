#!/usr/bin/env python3
"""Writes model/testdata/dedup_pairs.tsv: fictional pairs of persons for the
match score's tests, derived from hand-written spelling variants. All names,
dates, phones and fiscal codes are invented."""
import random

random.seed(17)

# family, given, own-script full name, variant family, variant given, sex, birth, sibling given, another given (homonym test)
BASES = [
    ("Rahman", "Mohammed", "محمد رحمن", "Rehman", "Muhammad", "M", "1990-03-01", "Karim", "Salim"),
    ("Ali", "Mohammed", "محمد علي", "Aly", "Mohamed", "M", "1988-07-12", "Yassine", "Omar"),
    ("El Amrani", "Youssef", "يوسف العمراني", "Amrani", "Yusuf", "M", "1995-11-23", "Hamza", "Said"),
    ("Benali", "Fatima", "فاطمة بنعلي", "Ben Ali", "Fatma", "F", "1992-02-14", "Khadija", "Nadia"),
    ("Hussain", "Imran", "عمران حسین", "Hussein", "Imraan", "M", "1987-05-30", "Adnan", "Faisal"),
    ("Chaudhry", "Asif", "آصف چودھری", "Choudhry", "Aasif", "M", "1984-09-09", "Tariq", "Naveed"),
    ("Khan", "Shahid", "شاہد خان", "Khaan", "Shahed", "M", "1991-12-02", "Zahid", "Rashid"),
    ("Ahmadzai", "Gul", "ګل احمدزی", "Ahmadzay", "Gul", "M", "1998-04-17", "Wali", "Noor"),
    ("Rahimi", "Hamid", "حمید رحیمی", "Rahemi", "Hameed", "M", "1996-08-21", "Javad", "Reza"),
    ("Hosseini", "Zahra", "زهرا حسینی", "Husaini", "Zahrah", "F", "1999-01-15", "Maryam", "Leila"),
    ("Miah", "Abdul Karim", "আব্দুল করিম মিয়া", "Mia", "Abdulkarim", "M", "1989-06-11", "Abdul Malek", "Abdul Jalil"),
    ("Rahman", "Habibur", "হাবিবুর রহমান", "Rahaman", "Habibur", "M", "1993-10-05", "Mizanur", "Lutfur"),
    ("Hossain", "Delwar", "দেলোয়ার হোসেন", "Hussain", "Delowar", "M", "1986-03-27", "Anwar", "Jahangir"),
    ("Singh", "Harpreet", "ਹਰਪ੍ਰੀਤ ਸਿੰਘ", "Sing", "Harprit", "M", "1994-07-19", "Gurpreet", "Manpreet"),
    ("Kaur", "Harjit", "ਹਰਜੀਤ ਕੌਰ", "Kour", "Harjeet", "F", "1997-02-08", "Jasvir", "Simran"),
    ("Singh", "Balwinder", "ਬਲਵਿੰਦਰ ਸਿੰਘ", "Singh", "Balvinder", "M", "1982-11-30", "Sukhwinder", "Kulwinder"),
    ("Kumar", "Rajesh", "राजेश कुमार", "Kumaar", "Rajesh", "M", "1985-04-04", "Suresh", "Ramesh"),
    ("Singh", "Vikram", "विक्रम सिंह", "Sinh", "Vikram", "M", "1990-08-28", "Amit", "Ajay"),
    ("Sharma", "Pooja", "पूजा शर्मा", "Sharmaa", "Puja", "F", "1993-12-25", "Neha", "Kavita"),
    ("Kovalenko", "Oleksandr", "Олександр Коваленко", "Kovalenko", "Aleksandr", "M", "1983-02-19", "Andrii", "Dmytro"),
    ("Shevchenko", "Serhii", "Сергій Шевченко", "Shevchenko", "Sergiy", "M", "1979-06-06", "Mykola", "Petro"),
    ("Bondarenko", "Yurii", "Юрій Бондаренко", "Bondarenko", "Iurii", "M", "1988-10-10", "Vasyl", "Ihor"),
    ("Tkachenko", "Zhanna", "Жанна Ткаченко", "Tkachenko", "Janna", "F", "1991-05-13", "Oksana", "Iryna"),
    ("Kharchenko", "Mykhailo", "Михайло Харченко", "Harchenko", "Mykhaylo", "M", "1975-09-01", "Taras", "Bohdan"),
    ("Shchur", "Nataliia", "Наталія Щур", "Schur", "Natalia", "F", "1986-01-22", "Olena", "Halyna"),
    ("Ivanov", "Sergey", "Сергей Иванов", "Ivanov", "Sergei", "M", "1980-03-03", "Aleksei", "Nikolai"),
    ("Kuznetsova", "Yuliya", "Юлия Кузнецова", "Kuznetcova", "Iuliia", "F", "1990-07-07", "Anna", "Elena"),
    ("Zhukov", "Dmitry", "Дмитрий Жуков", "Jukov", "Dmitrii", "M", "1984-11-11", "Pavel", "Maksim"),
    ("Diallo", "Mamadou", "", "Jallow", "Mamadu", "M", "1996-02-29", "Alpha", "Ibrahima"),
    ("Diallo", "Abdoulaye", "", "Diallo", "Abdullahi", "M", "1993-04-12", "Boubacar", "Amadou"),
    ("Traore", "Ousmane", "", "Traoré", "Usman", "M", "1999-09-15", "Moussa", "Seydou"),
    ("Ndiaye", "Aminata", "", "N'Diaye", "Aminatta", "F", "1995-06-18", "Fatou", "Awa"),
    ("Coulibaly", "Bakary", "", "Kulibali", "Bakari", "M", "1992-10-27", "Drissa", "Adama"),
    ("Camara", "Ibrahima", "", "Kamara", "Ibrahim", "M", "1997-03-09", "Sekou", "Lansana"),
    ("Okafor", "Chinedu", "", "Okafor", "Chinedum", "M", "1991-08-14", "Emeka", "Obinna"),
    ("Adebayo", "Oluwaseun", "", "Adebayo", "Oluseun", "M", "1994-12-01", "Tunde", "Femi"),
    ("Mensah", "Kwame", "", "Mensa", "Kwami", "M", "1989-05-25", "Kofi", "Yaw"),
    ("Osei", "Abena", "", "Osey", "Abenaa", "F", "1998-11-03", "Akosua", "Ama"),
    ("Hoxha", "Arben", "", "Hodja", "Arben", "M", "1981-07-21", "Ilir", "Besnik"),
    ("Çela", "Xhemal", "", "Cela", "Jemal", "M", "1977-04-16", "Flamur", "Gentian"),
    ("Shehu", "Elira", "", "Sheu", "Elira", "F", "1993-09-02", "Blerina", "Anila"),
    ("Popescu", "Ionuț", "", "Popescu", "Ionut", "M", "1985-10-31", "Mihai", "Andrei"),
    ("Munteanu", "Ștefan", "", "Munteanu", "Stefan", "M", "1990-01-26", "Florin", "Cristian"),
    ("Gebremedhin", "Tesfay", "", "Gebre Medhin", "Tesfaye", "M", "1995-03-14", "Yonas", "Dawit"),
    ("Tesfamariam", "Senait", "", "Tesfa Mariam", "Senayt", "F", "1997-08-08", "Helen", "Lidya"),
    ("Abdelaziz", "Ahmed", "أحمد عبد العزيز", "Abd al-Aziz", "Ahmad", "M", "1987-02-11", "Mahmoud", "Mostafa"),
    ("Ibrahim", "Ousman", "", "Ebrahim", "Osman", "M", "1992-06-24", "Adam", "Idriss"),
    ("Bouzid", "Oualid", "وليد بوزيد", "Bouzid", "Walid", "M", "1994-05-05", "Nabil", "Karim"),
    ("Hussein", "Khadija", "خديجة حسين", "Husain", "Khadidja", "F", "1996-10-19", "Amina", "Salma"),
    ("Ahmed", "Hassan", "حسن احمد", "Ahmad", "Hasan", "M", "1983-12-12", "Hussein", "Mahmud"),
    ("Yousef", "Omar", "عمر يوسف", "Youssef", "Umar", "M", "1998-07-30", "Bilal", "Tarek"),
    ("Islam", "Rafiqul", "রফিকুল ইসলাম", "Islam", "Rafikul", "M", "1988-03-18", "Shafiqul", "Aminul"),
]

def cf(seed):
    r = random.Random(seed)
    L = "ABCDEFGHLMNPRSTVZ"
    return ("".join(r.choice(L) for _ in range(6)) + "%02d" % r.randint(60, 99) + r.choice("ABCDEHLMPRST")
            + "%02d" % r.randint(1, 28) + "Z" + "%03d" % r.randint(100, 399) + r.choice(L))

def phone(seed):
    return "333 000 %04d" % (seed % 10000)

def swap_dm(d):
    y, m, dd = d.split("-")
    if int(dd) > 12 or dd == m:
        return None
    return "%s-%s-%s" % (y, dd, m)

def other_date(d, k):
    y, m, dd = d.split("-")
    return "%04d-%02d-%02d" % (int(y) + 3 + k % 4, (int(m) + 4 + k) % 12 + 1, (int(dd) + 9) % 28 + 1)

rows = []
def add(a, b, verdict, note):
    rows.append(list(a) + list(b) + [verdict, note])

for i, (fam, giv, own, vfam, vgiv, sex, birth, sib, other) in enumerate(BASES):
    ph, ph2, ph3 = phone(1000 + i), phone(2000 + i), phone(3000 + i)
    code = cf(i)
    A = (fam, giv, "", birth, sex, ph, "")
    # same: a spelling variant, same date, new phone
    add(A, (vfam, vgiv, "", birth, sex, ph2, ""), "same", "spelling variant, new phone")
    # same: own script (or spelling) with day and month swapped, or given and family swapped
    sw = swap_dm(birth)
    if own:
        add(A, ("", "", own, sw or birth, sex, "", ""), "same", "own script" + (", day/month swapped" if sw else ""))
    elif sw:
        add(A, (vfam, vgiv, "", sw, sex, ph, ""), "same", "spelling, day/month swapped")
    add(A, (vgiv, vfam, "", birth[:7] if i % 2 else birth[:4], sex, ph if i % 3 else "+39 " + ph, ""), "same",
        "given and family swapped, date partly known" + (", same phone" if i % 3 else ", phone with +39"))
    if i % 2 == 0:
        add((fam, giv, "", birth, sex, ph, code), (vfam, vgiv, "", "", "", ph3, code), "same", "same fiscal code, date unknown on one")
    # different: homonym with another date
    add(A, (fam, giv, "", other_date(birth, i), sex, ph3, ""), "different", "same names, another birth date")
    # different: sibling sharing the phone
    add(A, (fam, sib, "", other_date(birth, i + 1)[:4] + birth[4:], sex, ph, ""), "different", "sibling, same phone and family name")
    if i % 2 == 1:
        add(A, (vfam, other, "", birth, sex, ph3, ""), "different", "same family name and birth date, another given name")
    else:
        add((fam, giv, "", birth, sex, ph, code), (fam, giv, "", birth, sex, ph3, cf(500 + i)), "different", "homonyms born the same day, different fiscal codes")

# Hand-written hard cases.
P = lambda fam, giv, own, birth, sex, ph="", code="": (fam, giv, own, birth, sex, ph, code)
EXTRA = [
    (P("Ali", "Mohammed", "", "1990-05-10", "M", "333 000 4001"), P("Ali", "Mohammed", "", "1992-08-03", "M", "333 000 4002"), "different", "two men called Mohammed Ali"),
    (P("Ali", "Mohammed", "", "1990", "M"), P("Ali", "Muhammad", "", "1990", "M"), "different", "common name, year only, nothing else: not enough"),
    (P("Singh", "Gurpreet", "", "1991-03-04", "M"), P("Singh", "Harpreet", "", "1991-03-04", "M"), "different", "Singh, near given names, same day"),
    (P("Kaur", "Manjit", "", "1990-06-01", "F"), P("Kaur", "Paramjit", "", "1990-06-01", "F"), "different", "Kaur, other given name"),
    (P("Kaur", "Simran", "", "1994", "F", "333 000 4010"), P("Kaur", "Simranjit", "", "1995", "F", "333 000 4011"), "different", "Kaur, longer given name, other year"),
    (P("Ahmed", "Hasan", "", "1985-02-02", "M"), P("Ahmed", "Hussain", "", "1987-05-09", "M"), "different", "Hasan and Hussain, other dates"),
    (P("Rahman", "Karim", "", "2001-09-09", "M", "333 000 4020"), P("Rahman", "Rahim", "", "2001-09-09", "M", "333 000 4020"), "different", "twins, same phone"),
    (P("Kovalenko", "Olena", "", "1980-01-20", "F"), P("Kovalenko", "Oleksandr", "", "1980-01-20", "M"), "different", "different sex, near names"),
    (P("Diallo", "Mamadou", "", "1996-02-11", "M"), P("Diallo", "Mariama", "", "1996-02-11", "F"), "different", "same family, other sex"),
    (P("Youssef", "Karim", "", "1993-04-04", "M"), P("Joseph", "Karim", "", "1993-07-04", "M"), "different", "Youssef and Joseph, other month"),
    (P("Traore", "Moussa", "", "1990-10-10", "M"), P("Traore", "Moussa", "", "1991-10-10", "M"), "same", "year off by one, same day and month"),
    (P("Rahman", "Mohammed", "", "1990-03-01", "M"), P("", "", "محمد رحمن", "1990-01-03", "M"), "same", "Arabic script, day/month swapped"),
    (P("Rehman", "Muhammad", "", "1990-03", "M", "+39 333 000 4030"), P("Rahman", "Mohammed", "", "1990-03-15", "M", "3330004030"), "same", "month known, phone with +39"),
    (P("Oleksandr", "Kovalenko", "", "1983-02-19", "M"), P("Коваленко", "Олександр", "", "1983-02-19", "M"), "same", "Cyrillic in the Latin fields, names swapped"),
    (P("Singh", "Harpreet", "", "1994-07-19", "M"), P("", "", "ਹਰਪ੍ਰੀਤ ਸਿੰਘ", "1994", "M"), "same", "Gurmukhi, year only"),
    (P("Sharma", "Pooja", "", "1993-12-25", "F"), P("", "", "पूजा शर्मा", "1993-12-25", "F"), "same", "Devanagari"),
    (P("Mensah", "Kwame", "", "1989-05-25", "M", "", "MNSKWM89E25Z318K"), P("Mensah", "Kwame", "", "1989-05-25", "M", "", "MNSKWM89E25Z318K"), "same", "same fiscal code"),
    (P("Mensah", "Kwame", "", "1989-05-25", "M", "", "MNSKWM89E25Z318K"), P("Mensah", "Kwame", "", "1989-05-25", "M", "", "MNSKWM89E25Z318Q"), "different", "homonyms, fiscal codes differ"),
    (P("Hoxha", "Arben", "", "1981-07-21", "M"), P("Hoxha", "Ilir", "", "1981-07-21", "M"), "different", "brothers, twins"),
    (P("Popescu", "Ion", "", "1985-10-31", "M"), P("Popescu", "Ioana", "", "1985-10-31", "F"), "different", "twins, other sex"),
]

cols = ["a_family", "a_given", "a_own", "a_birth", "a_sex", "a_phone", "a_cf",
        "b_family", "b_given", "b_own", "b_birth", "b_sex", "b_phone", "b_cf", "verdict", "note"]
with open("model/testdata/dedup_pairs.tsv", "w") as f:
    f.write("# Fictional pairs for the match score (generated by scripts/gen_dedup_pairs.py; edit there)\n")
    f.write("\t".join(cols) + "\n")
    for a, b, v, n in EXTRA:
        rows.append(list(a) + list(b) + [v, n])
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), sum(r[-2] == "same" for r in rows))
