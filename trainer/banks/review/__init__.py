"""Bank quality review: item-writing flaws found before trainees meet them (no Qt).

``rules`` names every rule with its severity and its bilingual explanation,
``checks`` finds the flaws of one bank, ``duplicates`` the near-duplicate
questions of a whole library, ``engine`` puts them together with the waivers,
and ``service`` reviews the banks of a data folder (with the item analysis of
their attempts where the signed-in role may see results).
"""
