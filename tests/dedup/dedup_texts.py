"""Hand-written news texts for the near-duplicate tests: one story, its edited copies, and rival stories.

The rival stories cover the same meeting with the same names and stock phrases, which is exactly
what the shingle size and threshold must not confuse with copying.
"""

from __future__ import annotations

STORY = (
    "Astana, 14 March. Kazakhstan's Foreign Minister met his Chinese counterpart in Beijing on Tuesday "
    "to discuss transit routes across the Caspian Sea and new rail links to Europe. "
    "The two ministers agreed to set up a working group on customs procedures at the Khorgos border "
    "crossing, where lorries have waited for up to a week this winter. "
    "According to the ministry, both sides also reviewed the timetable for a visit by the Chinese "
    "president to Astana later this year and the preparation of an agreement on water sharing from "
    "rivers that flow out of Xinjiang. "
    "Officials in Astana said the government wants to keep balanced relations with Moscow, Beijing, "
    "Brussels and Washington, and that the talks were not directed against any third country. "
    "Trade between Kazakhstan and China reached a record last year, driven by exports of oil, metals "
    "and grain and by imports of machinery and cars. "
    "The minister is expected to travel to Brussels next month for a meeting with European Union "
    "officials on critical raw materials."
)

# A re-publication: new dateline and headline, a reporter credit and a footer.
REPUBLISHED = (
    "KAZAKH MINISTER IN BEIJING FOR TRANSIT TALKS\n\nBy our correspondent. "
    + STORY.replace("Astana, 14 March. ", "")
    + "\n\nRead more news on our website. Subscribe to our newsletter."
)

# Copy-editing: a handful of words changed or added across the text.
EDITED = (
    STORY.replace("on Tuesday", "on Wednesday")
    .replace("up to a week", "up to ten days")
    .replace("a record last year", "a record high in 2025")
    .replace("next month", "in April")
)

# The last paragraph dropped and formatting flattened.
TRUNCATED = STORY.rsplit(" The minister is expected", 1)[0].upper().replace(",", " ,")

# Same meeting, independently written: shared names and phrases, different wording.
RIVAL = (
    "Beijing, 14 March. The foreign ministers of China and Kazakhstan held talks in Beijing on Tuesday. "
    "Chinese officials said the meeting focused on rail freight to Europe and on transit across the "
    "Caspian Sea, which both countries see as an alternative to routes through Russia. "
    "The sides discussed the congestion at the Khorgos border crossing and promised to speed up customs "
    "checks. Kazakhstan's Foreign Minister told reporters that Astana values its partnership with Beijing "
    "but also its ties with Moscow, Brussels and Washington. "
    "The Chinese president is expected to visit Astana later this year, the ministry said. "
    "Trade between China and Kazakhstan grew last year on the back of oil, metals and grain exports."
)

# Another story about the same pair of countries, sharing stock phrases with STORY.
OTHER = (
    "Astana, 20 March. Kazakhstan's Foreign Minister met the ambassador of the European Union in Astana "
    "on Monday to discuss visa facilitation and investment in renewable energy. "
    "According to the ministry, both sides also reviewed the timetable for a summit between Central "
    "Asian leaders and the European Council. Officials in Astana said the government wants to keep "
    "balanced relations with its neighbours and partners in the West. "
    "Exports of uranium and oil to Europe rose sharply last year, while European companies invested in "
    "wind farms in the south of the country and in a green hydrogen project near the Caspian coast."
)
