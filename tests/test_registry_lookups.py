"""Lookups in the shipped registry: names, demonyms, capitals, offices at a date, role phrases."""

from __future__ import annotations

from datetime import date

import pytest

from polgraph.loaders.registry import default_registry


@pytest.fixture(scope="module")
def registry():
    return default_registry()


def name(actor) -> str | None:
    return actor.name if actor else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("the United States of America", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Byelorussia", "Belarus"),
        ("Türkiye", "Turkey"),
        ("DPRK", "North Korea"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("the EU", "European Union"),
        ("CSTO", "Collective Security Treaty Organization"),
        ("ISIL", "Islamic State"),
        ("Hizbollah", "Hezbollah"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
    ],
)
def test_names_and_aliases(registry, text, expected) -> None:
    assert name(registry.by_name(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("American", "United States"), ("Americans", "United States"), ("British", "United Kingdom"),
     ("Belarusian", "Belarus"), ("Ukrainians", "Ukraine"), ("Chinese", "China"), ("Kazakh", "Kazakhstan")],
)
def test_demonyms(registry, text, expected) -> None:
    assert name(registry.state_by_demonym(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("Washington", "United States"), ("the White House", "United States"), ("Beijing", "China"),
     ("Moscow", "Russia"), ("the Kremlin", "Russia"), ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"),
     ("Downing Street", "United Kingdom"), ("Minsk", "Belarus"), ("Tbilisi", "Georgia")],
)
def test_capitals_as_metonymy(registry, text, expected) -> None:
    assert name(registry.state_by_capital(text)) == expected
    assert name(registry.place(text)) == expected


def test_unknown_names_resolve_to_nothing(registry) -> None:
    assert registry.by_name("Atlantis") is None
    assert registry.state_by_code("ZZZ") is None


def test_codes(registry) -> None:
    assert name(registry.state_by_code("blr")) == "Belarus"
    assert name(registry.state_by_code("GBR")) == "United Kingdom"


@pytest.mark.parametrize(
    "title, of, day, expected",
    [
        ("Secretary General", "north-atlantic-treaty-organization", date(2020, 1, 1), "Jens Stoltenberg"),
        ("Secretary General", "north-atlantic-treaty-organization", date(2014, 9, 30), "Anders Fogh Rasmussen"),
        ("Secretary General", "north-atlantic-treaty-organization", date(2025, 3, 1), "Mark Rutte"),
        ("Secretary General", "united-nations", date(2016, 6, 1), "Ban Ki-moon"),
        ("Secretary General", "united-nations", date(2022, 6, 1), "Antonio Guterres"),
        ("President of the European Commission", "european-union", date(2018, 1, 1), "Jean-Claude Juncker"),
        ("President", "european-commission", date(2022, 1, 1), "Ursula von der Leyen"),
        ("President of the European Council", "european-union", date(2022, 1, 1), "Charles Michel"),
        ("High Representative", "european-union", date(2022, 1, 1), "Josep Borrell"),
        ("Secretary General", "collective-security-treaty-organization", date(2021, 5, 1), "Stanislav Zas"),
        ("Secretary General", "collective-security-treaty-organization", date(2024, 5, 1), "Imangali Tasmagambetov"),
        ("Chairperson of the Commission", "african-union", date(2020, 1, 1), "Moussa Faki Mahamat"),
        ("Director General", "world-health-organization", date(2020, 3, 11), "Tedros Adhanom Ghebreyesus"),
    ],
)
def test_heads_of_organisations(registry, title, of, day, expected) -> None:
    assert name(registry.office_holder(title, of, day)) == expected


def test_an_organisation_leader_falls_back_to_its_secretary_general(registry) -> None:
    assert name(registry.leader("north-atlantic-treaty-organization", date(2020, 1, 1))) == "Jens Stoltenberg"
    assert registry.office_holder("Secretary General", "north-atlantic-treaty-organization", date(1990, 1, 1)) is None


@pytest.mark.parametrize(
    "phrase, day, title, place, holder",
    [
        ("the NATO secretary general", date(2020, 1, 1), "Secretary General", "North Atlantic Treaty Organization", "Jens Stoltenberg"),
        ("EU foreign policy chief", date(2016, 1, 1), "High Representative", "European Union", "Federica Mogherini"),
        ("president of the European Commission", date(2022, 1, 1), "President", "European Commission", "Ursula von der Leyen"),
        ("the Belarusian leader", date(2023, 6, 1), "leader", "Belarus", "Alexander Lukashenko"),
    ],
)
def test_role_phrases(registry, phrase, day, title, place, holder) -> None:
    found = registry.role_phrase(phrase, day)
    assert found is not None
    assert (found[0], found[1].name, name(found[2])) == (title, place, holder)


def test_a_phrase_without_a_place_is_not_a_role_phrase(registry) -> None:
    assert registry.role_phrase("the president", date(2020, 1, 1)) is None
    assert registry.role_phrase("Atlantis foreign minister", date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    "of, day, expected",
    [
        ("ukraine", date(2020, 1, 18), "Volodymyr Zelensky"),
        ("ukraine", date(2015, 1, 1), "Petro Poroshenko"),
        ("belarus", date(2023, 6, 1), "Alexander Lukashenko"),
        ("russia", date(2010, 1, 1), "Dmitry Medvedev"),
        ("russia", date(2022, 2, 24), "Vladimir Putin"),
        ("kazakhstan", date(2018, 1, 1), "Nursultan Nazarbayev"),
        ("kazakhstan", date(2022, 1, 5), "Kassym-Jomart Tokayev"),
        ("armenia", date(2020, 10, 1), "Nikol Pashinyan"),
        ("armenia", date(2016, 1, 1), "Serzh Sargsyan"),
        ("georgia", date(2022, 1, 1), "Irakli Garibashvili"),
        ("uzbekistan", date(2020, 1, 1), "Shavkat Mirziyoyev"),
        ("estonia", date(2022, 1, 1), "Kaja Kallas"),
    ],
)
def test_leaders_at_a_date(registry, of, day, expected) -> None:
    assert name(registry.leader(of, day)) == expected


@pytest.mark.parametrize(
    "title, of, day, expected",
    [
        ("Prime Minister", "russia", date(2021, 1, 1), "Mikhail Mishustin"),
        ("Prime Minister", "russia", date(2015, 1, 1), "Dmitry Medvedev"),
        ("Foreign Minister", "russia", date(2019, 1, 1), "Sergey Lavrov"),
        ("Foreign Minister", "ukraine", date(2022, 3, 1), "Dmytro Kuleba"),
        ("Prime Minister", "ukraine", date(2015, 1, 1), "Arseniy Yatsenyuk"),
        ("Foreign Minister", "belarus", date(2020, 8, 10), "Vladimir Makei"),
        ("Prime Minister", "belarus", date(2021, 1, 1), "Roman Golovchenko"),
        ("President", "moldova", date(2022, 1, 1), "Maia Sandu"),
        ("Foreign Minister", "azerbaijan", date(2023, 9, 19), "Jeyhun Bayramov"),
    ],
)
def test_office_holders_at_a_date(registry, title, of, day, expected) -> None:
    assert name(registry.office_holder(title, of, day)) == expected


def test_an_office_on_the_day_it_changes_hands_has_one_holder(registry) -> None:
    assert name(registry.office_holder("President", "ukraine", date(2019, 5, 20))) == "Volodymyr Zelensky"
    assert name(registry.office_holder("President", "ukraine", date(2019, 5, 19))) == "Petro Poroshenko"


@pytest.mark.parametrize(
    "title, of, day, expected",
    [
        ("President", "united-states", date(2019, 6, 1), "Donald Trump"),
        ("President", "united-states", date(2016, 6, 1), "Barack Obama"),
        ("President", "united-states", date(2022, 6, 1), "Joe Biden"),
        ("President", "united-states", date(2025, 6, 1), "Donald Trump"),
        ("Foreign Minister", "united-states", date(2019, 1, 23), "Mike Pompeo"),
        ("Foreign Minister", "united-states", date(2015, 7, 14), "John Kerry"),
        ("Foreign Minister", "united-states", date(2023, 1, 1), "Antony Blinken"),
        ("Vice President", "united-states", date(2018, 1, 1), "Mike Pence"),
        ("Prime Minister", "canada", date(2020, 1, 1), "Justin Trudeau"),
        ("President", "brazil", date(2020, 1, 1), "Jair Bolsonaro"),
        ("President", "mexico", date(2020, 1, 1), "Andres Manuel Lopez Obrador"),
        ("President", "argentina", date(2024, 6, 1), "Javier Milei"),
    ],
)
def test_americas_office_holders(registry, title, of, day, expected) -> None:
    assert name(registry.office_holder(title, of, day)) == expected


def test_us_role_phrases(registry) -> None:
    title, place, holder = registry.role_phrase("US secretary of state", date(2019, 1, 23))
    assert (title, place.name, name(holder)) == ("Foreign Minister", "United States", "Mike Pompeo")
    title, place, holder = registry.role_phrase("the American president", date(2019, 6, 1))
    assert (title, place.name, name(holder)) == ("President", "United States", "Donald Trump")
    title, place, holder = registry.role_phrase("Washington's top diplomat", date(2022, 1, 1))
    assert (title, place.name, name(holder)) == ("Foreign Minister", "United States", "Antony Blinken")
    assert name(registry.leader("united-states", date(2019, 6, 1))) == "Donald Trump"


@pytest.mark.parametrize(
    "of, day, expected",
    [
        ("germany", date(2020, 1, 1), "Angela Merkel"),
        ("germany", date(2023, 1, 1), "Olaf Scholz"),
        ("united-kingdom", date(2019, 6, 1), "Theresa May"),
        ("united-kingdom", date(2019, 8, 1), "Boris Johnson"),
        ("united-kingdom", date(2022, 10, 1), "Liz Truss"),
        ("france", date(2020, 1, 1), "Emmanuel Macron"),
        ("italy", date(2020, 1, 1), "Giuseppe Conte"),
        ("italy", date(2022, 1, 1), "Mario Draghi"),
        ("turkey", date(2012, 1, 1), "Recep Tayyip Erdogan"),
        ("turkey", date(2020, 1, 1), "Recep Tayyip Erdogan"),
        ("poland", date(2024, 6, 1), "Donald Tusk"),
        ("hungary", date(2024, 6, 1), "Viktor Orban"),
    ],
)
def test_european_leaders(registry, of, day, expected) -> None:
    assert name(registry.leader(of, day)) == expected


def test_european_offices_and_phrases(registry) -> None:
    assert name(registry.office_holder("Monarch", "united-kingdom", date(2020, 1, 1))) == "Elizabeth II"
    assert name(registry.office_holder("Monarch", "canada", date(2023, 1, 1))) == "Charles III"
    assert name(registry.office_holder("Foreign Minister", "united-kingdom", date(2017, 1, 1))) == "Boris Johnson"
    assert name(registry.office_holder("President", "germany", date(2020, 1, 1))) == "Frank-Walter Steinmeier"
    title, place, holder = registry.role_phrase("the British prime minister", date(2023, 1, 1))
    assert (title, place.name, name(holder)) == ("Prime Minister", "United Kingdom", "Rishi Sunak")
    title, place, holder = registry.role_phrase("German chancellor", date(2020, 1, 1))
    assert (title, place.name, name(holder)) == ("Chancellor", "Germany", "Angela Merkel")
    title, place, holder = registry.role_phrase("Downing Street's leader", date(2023, 1, 1))
    assert (title, place.name, name(holder)) == ("leader", "United Kingdom", "Rishi Sunak")


@pytest.mark.parametrize(
    "of, day, expected",
    [
        ("china", date(2020, 1, 1), "Xi Jinping"),
        ("japan", date(2020, 1, 1), "Shinzo Abe"),
        ("india", date(2020, 1, 1), "Narendra Modi"),
        ("south-korea", date(2019, 1, 1), "Moon Jae-in"),
        ("indonesia", date(2020, 1, 1), "Joko Widodo"),
        ("australia", date(2020, 1, 1), "Scott Morrison"),
        ("north-korea", date(2020, 1, 1), "Kim Jong Un"),
        ("pakistan", date(2020, 1, 1), "Imran Khan"),
        ("afghanistan", date(2020, 1, 1), "Ashraf Ghani"),
        ("afghanistan", date(2022, 1, 1), "Hibatullah Akhundzada"),
    ],
)
def test_asian_and_pacific_leaders(registry, of, day, expected) -> None:
    assert name(registry.leader(of, day)) == expected


def test_asian_offices_and_phrases(registry) -> None:
    assert name(registry.office_holder("Foreign Minister", "china", date(2023, 3, 1))) == "Qin Gang"
    assert name(registry.office_holder("Emperor", "japan", date(2020, 1, 1))) == "Naruhito"
    title, place, holder = registry.role_phrase("the Chinese premier", date(2020, 1, 1))
    assert (title, place.name, name(holder)) == ("Prime Minister", "China", "Li Keqiang")
    title, place, holder = registry.role_phrase("India's external affairs minister", date(2020, 1, 1))
    assert (title, place.name, name(holder)) == ("Foreign Minister", "India", "Subrahmanyam Jaishankar")
    title, place, holder = registry.role_phrase("Beijing's top diplomat", date(2020, 1, 1))
    assert (title, place.name, name(holder)) == ("Foreign Minister", "China", "Wang Yi")


@pytest.mark.parametrize(
    "of, day, expected",
    [
        ("saudi-arabia", date(2020, 1, 1), "Salman bin Abdulaziz"),
        ("south-africa", date(2020, 1, 1), "Cyril Ramaphosa"),
        ("iran", date(2020, 1, 1), "Ali Khamenei"),
        ("israel", date(2022, 1, 1), "Naftali Bennett"),
        ("israel", date(2024, 1, 1), "Benjamin Netanyahu"),
        ("syria", date(2020, 1, 1), "Bashar al-Assad"),
        ("egypt", date(2020, 1, 1), "Abdel Fattah el-Sisi"),
        ("qatar", date(2020, 1, 1), "Tamim bin Hamad Al Thani"),
    ],
)
def test_middle_eastern_and_african_leaders(registry, of, day, expected) -> None:
    assert name(registry.leader(of, day)) == expected


def test_middle_eastern_offices(registry) -> None:
    assert name(registry.office_holder("Prime Minister", "saudi-arabia", date(2023, 1, 1))) == "Mohammed bin Salman"
    assert name(registry.office_holder("President", "iran", date(2022, 1, 1))) == "Ebrahim Raisi"
    assert name(registry.office_holder("Foreign Minister", "iran", date(2015, 7, 14))) == "Mohammad Javad Zarif"
    assert name(registry.by_name("MBS")) == "Mohammed bin Salman"


@pytest.mark.parametrize(
    "of, day, expected",
    [
        ("finland", date(2022, 5, 18), "Sanna Marin"),
        ("sweden", date(2022, 5, 18), "Magdalena Andersson"),
        ("norway", date(2015, 1, 1), "Erna Solberg"),
        ("iraq", date(2020, 1, 6), "Adil Abdul-Mahdi"),
        ("hong-kong", date(2019, 9, 6), "Carrie Lam"),
        ("cuba", date(2020, 1, 1), "Miguel Diaz-Canel"),
    ],
)
def test_more_leaders(registry, of, day, expected) -> None:
    assert name(registry.leader(of, day)) == expected
