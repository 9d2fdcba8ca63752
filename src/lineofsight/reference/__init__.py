"""The public reference data that ships with lineofsight: councils, published DfE figures, ONS population, Ofsted
judgement history and the council map.

`sources` reads the official downloads (a folder laid out like shared/reference: la_lookup.csv, dfe/, ofsted/,
la_district_boundaries.geojson) into a store with the product's own readers; `bundle` writes what they read as
compact Parquet files inside the package (`reference/data/`) and imports them again, so a store needs no download.
"""
