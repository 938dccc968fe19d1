"""Template-generated customer messages for the corpus (see build.py for the marker syntax).

Each country has its own pools of names, streets, postal codes and phone formats, and each
language a set of greetings, bodies and closings; a seeded generator combines them, so the
output is deterministic. Many names are deliberately absent from the shipped dictionaries,
and look-alikes (prices, SKUs, order dates, law articles, versions, the shop's own contact
details) are left unmarked: they must not be masked.
"""
import random

P = lambda v: "{{PERSON|%s}}" % v  # noqa: E731

COUNTRIES = {
    "nl": dict(lang="nl",
               first=["Jan", "Sanne", "Bram", "Fleur", "Joost", "Ilse", "Thijs", "Noor", "Gerrit", "Wilma", "Mohamed",
                      "Priya", "Koen", "Esther", "Maarten", "Yara", "Hidde", "Tjitske", "Sjoerd", "Loes"],
               last=["de Vries", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
                     "van der Heijden", "Kuipers", "Bosman", "ter Horst", "van 't Hek", "Wijnaldum",
                     "Oosterhuis-Bleeker", "Zwanenburg", "Hoekstra", "el Idrissi", "Schuurmans"],
               streets=["Kerkstraat {n}", "Stationsweg {n}", "Molenlaan {n}a", "Prinsengracht {n}", "Dorpsstraat {n}",
                        "Julianalaan {n}", "Burgemeester de Withstraat {n}", "Oude Gracht {n} bis", "Zeeweg {n}-2",
                        "Postbus {n}"],
               postcodes=["1012 AB", "3511 LN", "2513 CD", "9712 GH", "6211 KL", "5611 AZ", "8011 PK", "7511 JB",
                          "4811 XD", "1411 EP"],
               cities=["Amsterdam", "Utrecht", "Den Haag", "Groningen", "Maastricht", "Eindhoven", "Zwolle",
                       "Enschede", "Breda", "Naarden"],
               phones=["06-1{a}{b}", "+31 6 2{a} {b1}", "010-{a}{b1}", "(020) {a} {b1}", "064{a}{b}"],
               iban="NL", nid="@bsn", plates=["12-ABC-3", "GJ-412-K", "5-XLP-38", "KT-73-NB"],
               order=["{n6}", "NL{n7}", "#{n6}", "WEB-{n8}"], cust=["{n6}", "KL-{n5}"],
               shop="klantenservice@webwinkel.nl"),
    "be": dict(lang="nl",
               first=["Wout", "Lotte", "Jens", "Ine", "Stijn", "Elke", "Pieter-Jan", "Hanne", "Brecht", "Lien"],
               last=["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
                     "De Smet", "Vanderlinden", "Van den Broeck", "Verhaegen", "D'Hondt"],
               streets=["Kerkstraat {n}", "Meir {n}", "Brusselsesteenweg {n}", "Leopoldlaan {n} bus 2",
                        "Veldstraat {n}"],
               postcodes=["2000", "9000", "3000", "8000", "2800", "3500"],
               cities=["Antwerpen", "Gent", "Leuven", "Brugge", "Mechelen", "Hasselt"],
               phones=["0478 {a2} {b2} {c2}", "+32 475 {a2} {b2} {c2}", "03 {a} {b2} {c2}"],
               iban="BE", nid="@be_nn", plates=["1-ABC-123", "2-GHT-447"],
               order=["{n6}", "BE{n7}"], cust=["{n7}"], shop="info@winkel.be"),
    "fr": dict(lang="fr",
               first=["Camille", "Lucas", "Manon", "Hugo", "Chloé", "Antoine", "Léa", "Mathieu", "Inès", "Baptiste",
                      "Aurélie", "Yannick", "Océane", "Rachid", "Maëlle"],
               last=["Martin", "Bernard", "Dubois", "Durand", "Leroy", "Moreau", "Fournier", "Girard", "Mercier",
                     "Blanchard", "de La Fontaine", "Le Goff", "Kerbrat", "Nguyen", "Saint-Martin", "Benhamou"],
               streets=["{n} rue de la République", "{n} avenue des Champs-Élysées", "{n} bis rue Pasteur",
                        "{n} boulevard Voltaire", "{n} impasse des Lilas", "{n} chemin du Moulin",
                        "{n} place Bellecour", "BP {n}"],
               postcodes=["75011", "69002", "13008", "31000", "44000", "67000", "59000", "35000"],
               cities=["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Strasbourg", "Lille", "Rennes"],
               phones=["06 {a2} {b2} {c2} {d2}", "+33 6 {a2} {b2} {c2} {d2}", "01.{a2}.{b2}.{c2}.{d2}", "076{a}{b1}"],
               iban="FR", nid="@nir", plates=["AB-123-CD", "FG-456-HJ", "GT-902-LM"],
               order=["{n7}", "CMD-{n6}", "FR{n8}"], cust=["C{n7}"], shop="contact@boutique-deco.fr"),
    "befr": dict(lang="fr",
                 first=["Amélie", "Maxime", "Céline", "Nicolas", "Pauline", "Quentin"],
                 last=["Dupont", "Lambert", "Dumont", "Leclercq", "Renard", "Wauters", "Collignon"],
                 streets=["Rue Neuve {n}", "Avenue Louise {n}", "Chaussée de Wavre {n}", "Rue de Fer {n}"],
                 postcodes=["1000", "1050", "4000", "5000", "6000"],
                 cities=["Bruxelles", "Ixelles", "Liège", "Namur", "Charleroi"],
                 phones=["0475 {a2} {b2} {c2}", "+32 2 {a} {b2} {c2}"],
                 iban="BE", nid="@be_nn", plates=["1-XYZ-987"], order=["{n6}"], cust=["{n6}"],
                 shop="service@magasin.be"),
    "de": dict(lang="de",
               first=["Lukas", "Julia", "Maximilian", "Sabine", "Jonas", "Anja", "Felix", "Ursula", "Tim", "Birgit",
                      "Mehmet", "Franziska", "Ole", "Heike", "Kai-Uwe"],
               last=["Müller", "Schmidt", "Schneider", "Fischer", "Meyer", "Weber", "Schulz", "Koch", "Richter",
                     "Klein", "Wolf", "Schröder", "Neumann", "von Bülow", "Yilmaz", "Krüger-Lehmann", "Zu Guttenberg",
                     "Oberdörfer"],
               streets=["Hauptstraße {n}", "Bahnhofstr. {n}", "Gartenweg {n}", "Am Markt {n}",
                        "Friedrich-Ebert-Allee {n}", "Schillerplatz {n}", "Lindenstraße {n}b", "Postfach {n}",
                        "An der Alster {n}", "Im Winkel {n}"],
               postcodes=["10115", "20095", "80331", "50667", "60311", "70173", "01067", "04109"],
               cities=["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Dresden",
                       "Leipzig"],
               phones=["0171 {a} {b}", "+49 151 2{a}{b}", "030 / {a}{b1}", "(089) {a}-{b1}", "0221-{a}{b1}"],
               iban="DE", nid="@steuer_id", plates=["B-AB 1234", "HH-XY 77", "M-KL 4021", "K-RT 312"],
               order=["{n8}", "DE-{n7}", "A{n6}"], cust=["{n6}", "KD-{n7}"], shop="service@versandhaus.de"),
    "at": dict(lang="de",
               first=["Johanna", "Sebastian", "Theresa", "Lorenz", "Magdalena", "Florian"],
               last=["Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Hofer", "Leitner"],
               streets=["Landstraßer Hauptstraße {n}", "Herrengasse {n}", "Mariahilfer Straße {n}/3/12",
                        "Getreidegasse {n}"],
               postcodes=["1030", "1010", "8010", "4020", "5020", "6020"],
               cities=["Wien", "Graz", "Linz", "Salzburg", "Innsbruck"],
               phones=["+43 664 {a}{b}", "0660 {a} {b}", "01 {a} {b1}"],
               iban="AT", nid="@svnr", plates=["W-12345A", "G-473 KL"], order=["{n7}"], cust=["{n6}"],
               shop="office@shop.at"),
    "ch": dict(lang="de",
               first=["Urs", "Barbara", "Beat", "Corinne", "Reto", "Nadia", "Andri", "Seraina"],
               last=["Meier", "Keller", "Frei", "Gerber", "Baumann", "Brunner", "Käser", "Zürcher", "Caflisch"],
               streets=["Bahnhofstrasse {n}", "Seestrasse {n}", "Dorfstrasse {n}", "Marktgasse {n}"],
               postcodes=["8001", "3011", "4051", "6003", "9000"],
               cities=["Zürich", "Bern", "Basel", "Luzern", "St. Gallen"],
               phones=["+41 79 {a} {b2} {c2}", "044 {a} {b2} {c2}", "079 {a} {b2} {c2}"],
               iban="CH", nid="@ahv", plates=["ZH 123456", "BE 45789"], order=["{n7}"], cust=["{n6}"],
               shop="kundendienst@laden.ch"),
    "uk": dict(lang="en",
               first=["Oliver", "Amelia", "Harry", "Isla", "George", "Poppy", "Callum", "Freya", "Rhys", "Imogen",
                      "Arjun", "Niamh"],
               last=["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
                     "Ashworth", "Fotheringham", "McLeod", "O'Hara", "Bradshaw-Kent", "Okonkwo"],
               streets=["{n} High Street", "{n} Church Lane", "Flat {n}, Victoria Court", "{n} Station Road",
                        "{n}A Queens Avenue", "PO Box {n}"],
               postcodes=["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "LS1 4AP", "EH1 1YZ", "BS1 5TR"],
               cities=["London", "Manchester", "Birmingham", "Croydon", "Leeds", "Edinburgh", "Bristol"],
               phones=["07700 {a}{c2}1", "+44 7700 {a}{c2}1", "020 7946 {b}", "0161 {a} {b}"],
               iban="GB", nid="@nino", plates=["AB12 CDE", "LK70 XYZ", "YR19 PLM"],
               order=["{n7}", "#{n6}", "UK-{n6}"], cust=["{n8}"], shop="help@homestore.co.uk"),
    "ie": dict(lang="en",
               first=["Aoife", "Cian", "Saoirse", "Oisín", "Gráinne", "Darragh", "Aisling", "Eoin"],
               last=["Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Sullivan", "Mac Giolla Phádraig", "Fitzgerald",
                     "Ní Dhomhnaill"],
               streets=["{n} Main Street", "{n} Patrick Street", "Apartment {n}, The Maltings", "{n} Eyre Square"],
               postcodes=["D02 X285", "T12 R2NC", "H91 E2K3", "V94 T9PX"],
               cities=["Dublin", "Cork", "Galway", "Limerick"],
               phones=["087 {a} {b}", "+353 86 {a} {b}", "01 {a} {b}"],
               iban="IE", nid="@ppsn", plates=["191-D-12345", "07-C-4412"], order=["{n6}"], cust=["{n7}"],
               shop="care@irishshop.ie"),
    "us": dict(lang="en",
               first=["Ashley", "Tyler", "Brittany", "Jamal", "Megan", "Cody", "Latoya", "Brandon", "Kayla",
                      "Hunter", "Dakota", "Xiomara"],
               last=["Johnson", "Miller", "Davis", "Garcia", "Martinez", "Anderson", "Jackson", "Thompson",
                     "Nakamura", "Kowalczyk", "Washington", "McKinley", "DeLuca", "Van Buren"],
               streets=["{n} Maple Avenue", "{n} W 42nd St, Apt 5C", "{n} Sunset Blvd", "{n} Oak Street, Suite 200",
                        "PO Box {n}"],
               postcodes=["10036", "90028", "60614", "73301", "98101", "02139"],
               cities=["New York", "Los Angeles", "Chicago", "Austin", "Seattle", "Cambridge"],
               phones=["(212) 555-{b1}", "+1 415 555 {b1}", "312-555-{b1}", "555.{a}.{b1}"],
               iban=None, nid="@ssn", plates=["7ABC123", "KJH 4421"], order=["{n7}", "#{n8}"], cust=["{n7}"],
               shop="support@megamart.com"),
}

STATE = {"us": ["NY", "CA", "IL", "TX", "WA", "MA"]}

LANG = {
    "nl": dict(
        greet=["Beste klantenservice,", "Geachte heer/mevrouw,", "Hallo,", "Goedemorgen,", "Dag {agent},",
               "Beste {agent},"],
        close=["Met vriendelijke groet,", "Vriendelijke groeten,", "Groet,", "Mvg,", "Alvast bedankt,\n"],
        intro=["Mijn naam is {name} en ik ben klant bij jullie.", "Ik schrijf namens mijn moeder, {name2}.",
               "Ik ben {name}, klantnummer {cust}."],
        bodies=[
            "Mijn bestelling {order} van {date} is nog niet binnen. Het ging om 2 stuks van artikel {sku} (€ {price}).",
            "Ik wil graag mijn adres wijzigen naar {addr}, {pc} {city}.",
            "Graag het bedrag van € {price} terugstorten op {iban} t.n.v. {name}.",
            "Volgens artikel 17 AVG wil ik dat jullie mijn gegevens wissen. Mijn e-mailadres is {email}.",
            "U kunt mij bereiken op {phone}, liefst na 17:00 uur.",
            "De bezorger heeft het pakket bij {neighbour} op nummer {n2} afgegeven, maar daar is niemand thuis.",
            "Mijn BSN is {nid}, dat vroegen jullie voor de garantie.",
            "De auto met kenteken {plate} staat op mijn naam.",
            "Ik heb versie {version} van de app en de factuur van {date} klopt niet.",
        ]),
    "fr": dict(
        greet=["Bonjour,", "Madame, Monsieur,", "Bonjour Madame {agent_last},", "Cher {agent},", "Bonsoir,"],
        close=["Cordialement,", "Bien à vous,", "Merci d'avance,", "Salutations distinguées,"],
        intro=["Je m'appelle {name} et je suis cliente chez vous.", "Je vous écris de la part de mon père, {name2}.",
               "Je suis {name}, numéro client {cust}."],
        bodies=[
            "Ma commande {order} du {date} n'est toujours pas arrivée. Il s'agit de 2 articles réf. {sku} ({price} €).",
            "Merci de modifier mon adresse : {addr}, {pc} {city}.",
            "Merci de rembourser {price} € sur le compte {iban} au nom de {name}.",
            "Conformément à l'article 17 du RGPD, je demande l'effacement de mes données. Mon e-mail : {email}.",
            "Vous pouvez me joindre au {phone} après 18h.",
            "Le livreur a déposé le colis chez {neighbour} au numéro {n2}.",
            "Mon numéro de sécurité sociale est {nid}.",
            "L'immatriculation de ma voiture est {plate}.",
            "J'utilise la version {version} de l'application et la facture du {date} est fausse.",
        ]),
    "de": dict(
        greet=["Sehr geehrte Damen und Herren,", "Hallo,", "Guten Tag,", "Sehr geehrte Frau {agent_last},",
               "Lieber {agent},"],
        close=["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "MfG", "Freundliche Grüße"],
        intro=["Mein Name ist {name}, ich bin Kunde bei Ihnen.", "Ich schreibe im Auftrag meiner Mutter, {name2}.",
               "Ich bin {name}, Kundennummer {cust}."],
        bodies=[
            "Meine Bestellung {order} vom {date} ist noch nicht angekommen. Es geht um 2 Stück Artikel {sku} ({price} €).",
            "Bitte ändern Sie meine Adresse auf {addr}, {pc} {city}.",
            "Bitte erstatten Sie {price} € auf das Konto {iban}, Kontoinhaber {name}.",
            "Gemäß Art. 17 DSGVO bitte ich um Löschung meiner Daten. Meine E-Mail: {email}.",
            "Sie erreichen mich unter {phone}.",
            "Der Bote hat das Paket bei {neighbour} in Nummer {n2} abgegeben.",
            "Meine Steuer-ID bzw. Versicherungsnummer lautet {nid}.",
            "Das Kennzeichen meines Autos ist {plate}.",
            "Ich nutze Version {version} der App und die Rechnung vom {date} stimmt nicht.",
        ]),
    "en": dict(
        greet=["Hi,", "Hello,", "Dear Sir or Madam,", "Dear {agent},", "Hi {agent},", "Good afternoon,"],
        close=["Kind regards,", "Best regards,", "Thanks,", "Many thanks,", "Cheers,", "Sincerely,"],
        intro=["My name is {name} and I'm a customer of yours.", "I'm writing on behalf of my father, {name2}.",
               "This is {name}, customer number {cust}."],
        bodies=[
            "My order {order} from {date} still hasn't arrived. It was 2 x item {sku} ({price}).",
            "Please change my address to {addr}, {city} {pc}.",
            "Please refund {price} to {iban}, account holder {name}.",
            "Under Article 17 GDPR I ask you to erase my data. My email is {email}.",
            "You can reach me on {phone}.",
            "The courier left the parcel with {neighbour} at number {n2}.",
            "My national ID number is {nid}.",
            "The registration of my car is {plate}.",
            "I'm on version {version} of the app and the invoice dated {date} is wrong.",
        ]),
}

AGENTS = {"nl": ["Sanne", "Ahmed", "Linda"], "fr": ["Julie", "Marc"], "de": ["Tobias", "Sandra"],
          "en": ["Sarah", "Tom", "Priya"]}
AGENT_LAST = {"nl": ["Kramer"], "fr": ["Rousseau", "Garnier"], "de": ["Lehmann", "Becker"], "en": ["Hughes"]}
NEIGHBOURS = {"nl": [("mevrouw", "Dekker"), ("de heer", "Willemsen")], "fr": [("Mme", "Perrin"), ("M.", "Faure")],
              "de": [("Frau", "Lorenz"), ("Herrn", "Kaiser")], "en": [("Mrs", "Cooper"), ("Mr", "Singh")]}


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def fill_num(rng, fmt):
    return (fmt.replace("{n8}", digits(rng, 8)).replace("{n7}", digits(rng, 7)).replace("{n6}", digits(rng, 6))
            .replace("{n5}", digits(rng, 5)))


def phone(rng, fmt):
    return (fmt.replace("{a2}", digits(rng, 2)).replace("{b2}", digits(rng, 2)).replace("{c2}", digits(rng, 2))
            .replace("{d2}", digits(rng, 2)).replace("{a}", digits(rng, 3)).replace("{b1}", digits(rng, 4))
            .replace("{b}", digits(rng, 4)))


def email_for(rng, first, last, cc):
    last_key = last.lower().replace(" ", "").replace("'", "").replace("-", "")
    for a, b in (("é", "e"), ("è", "e"), ("ë", "e"), ("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ï", "i"), ("í", "i"),
                 ("ó", "o"), ("á", "a"), ("ç", "c"), ("ß", "ss")):
        last_key = last_key.replace(a, b)
    first_key = first.lower()
    for a, b in (("é", "e"), ("ë", "e"), ("ï", "i"), ("í", "i"), ("ó", "o"), ("á", "a")):
        first_key = first_key.replace(a, b)
    first_key = first_key.replace("-", "")
    dom = {"nl": "ziggo.nl", "be": "telenet.be", "fr": "orange.fr", "befr": "skynet.be", "de": "gmx.de",
           "at": "aon.at", "ch": "bluewin.ch", "uk": "gmail.com", "ie": "eircom.net", "us": "yahoo.com"}[cc]
    style = rng.randint(0, 3)
    local = [first_key + "." + last_key, first_key[0] + last_key, first_key + last_key + digits(rng, 2),
             last_key + "." + first_key][style]
    return local + "@" + dom


def name_form(rng, first, last):
    """Different ways customers write their own names."""
    r = rng.random()
    if r < 0.55:
        return "%s %s" % (first, last)
    if r < 0.70:
        return "%s. %s" % (first[0], last)
    if r < 0.78:
        return "%s %s" % (first.upper(), last.upper())
    if r < 0.85:
        return "%s %s" % (first.lower(), last.lower())
    if r < 0.92:
        return "%s %s" % (last.upper(), first)
    return "%s %s" % (first, last)


def message(rng, cc, idx):
    c = COUNTRIES[cc]
    lg = c["lang"]
    L = LANG[lg]
    first, last = rng.choice(c["first"]), rng.choice(c["last"])
    full = name_form(rng, first, last)
    other = "%s %s" % (rng.choice(c["first"]), rng.choice(c["last"]))
    agent = rng.choice(AGENTS[lg])
    n = str(rng.randint(1, 240))
    addr = rng.choice(c["streets"]).replace("{n}", n)
    pc, city = rng.choice(c["postcodes"]), rng.choice(c["cities"])
    cur = {"nl": "€", "fr": "€", "de": "€", "en": "£"}[lg]
    price_val = "%d,%02d" % (rng.randint(5, 900), rng.choice([0, 49, 95, 99])) if lg != "en" else \
        "%s%d.%02d" % ("$" if cc == "us" else ("€" if cc == "ie" else cur), rng.randint(5, 900), rng.choice([0, 49, 99]))
    date = rng.choice(["12-03-2024", "3 maart", "14/02/2024", "5. März", "2 June", "01.09.2024"])
    if lg == "fr":
        date = rng.choice(["12/03/2024", "3 mars", "14 février"])
    if lg == "en":
        date = rng.choice(["12/03/2024", "3 March", "June 2nd"])
    if lg == "de":
        date = rng.choice(["12.03.2024", "5. März", "1. September"])
    sku = rng.choice(["SKU-%s" % digits(rng, 5), "%s-%s-%s" % (digits(rng, 3), digits(rng, 3), digits(rng, 2)),
                      "4006381%s" % digits(rng, 6), "ART%s" % digits(rng, 4)])
    version = "%d.%d.%d" % (rng.randint(1, 9), rng.randint(0, 20), rng.randint(0, 9))
    vals = {
        "name": P(full), "name2": P(other), "agent": P(agent), "agent_last": P(rng.choice(AGENT_LAST[lg])),
        "cust": "{{CUSTOMER_ID|%s}}" % fill_num(rng, rng.choice(c["cust"])),
        "order": "{{ORDER_ID|%s}}" % fill_num(rng, rng.choice(c["order"])),
        "addr": "{{ADDRESS|%s}}" % addr, "pc": "{{POSTAL_CODE|%s}}" % pc, "city": "{{CITY|%s}}" % city,
        "iban": "{{IBAN|@iban:%s%s}}" % (c["iban"], rng.choice(["", ":spaced"])) if c["iban"] else
        "{{CREDIT_CARD|@card:visa:spaced}}",
        "email": "{{EMAIL|%s}}" % email_for(rng, first, last, cc),
        "phone": "{{PHONE|%s}}" % phone(rng, rng.choice(c["phones"])),
        "nid": "{{NATIONAL_ID|%s}}" % c["nid"], "plate": "{{LICENSE_PLATE|%s}}" % rng.choice(c["plates"]),
        "neighbour": "%s %s" % (lambda t: (t[0], P(t[1])))(rng.choice(NEIGHBOURS[lg])), "n2": str(rng.randint(1, 99)),
        "date": date, "price": price_val, "sku": sku, "version": version,
    }

    def fmt(s):
        for k, v in vals.items():
            s = s.replace("{" + k + "}", v)
        return s

    parts = [fmt(rng.choice(L["greet"])), ""]
    if rng.random() < 0.5:
        parts.append(fmt(rng.choice(L["intro"])))
    bodies = rng.sample(L["bodies"], rng.randint(2, 4))
    parts.append(" ".join(fmt(b) for b in bodies))
    if cc == "us" and "{{CITY|" in parts[-1]:
        parts[-1] = parts[-1].replace("{{POSTAL_CODE|", rng.choice(STATE["us"]) + " {{POSTAL_CODE|")
    parts.append("")
    if rng.random() < 0.3:
        later = {"nl": "Groet van %s aan {agent}." % P(first), "fr": "Encore merci, %s." % P(first),
                 "de": "Nochmals danke, %s." % P(first), "en": "Thanks again, %s." % P(first)}[lg]
        parts.append(fmt(later))
        parts.append("")
    parts.append(rng.choice(L["close"]).rstrip("\n"))
    sig = P(full)
    parts.append(sig)
    if rng.random() < 0.4:
        parts.append(vals["phone"])
    if rng.random() < 0.25:
        # The shop's own quoted footer: not the customer's data, left unmarked (see README).
        parts.append("")
        parts.append({"nl": "> Klantenservice: %s", "fr": "> Service client : %s", "de": "> Kundenservice: %s",
                      "en": "> Customer service: %s"}[lg] % c["shop"])
    return lg, "\n".join(parts)


def generate():
    rng = random.Random(20241123)
    plan = [("nl", 14), ("be", 8), ("fr", 12), ("befr", 6), ("de", 12), ("at", 6), ("ch", 6), ("uk", 10),
            ("ie", 6), ("us", 10)]
    for cc, count in plan:
        for i in range(count):
            lg, text = message(rng, cc, i)
            yield ("%s-t%03d" % (cc, i + 1), lg, text, [cc, "template"])
