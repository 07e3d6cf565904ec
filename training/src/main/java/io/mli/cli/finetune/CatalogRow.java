package io.mli.cli.finetune;

/** One labelled catalog product: its title, its true brand (null or blank when it has none) and category. */
public record CatalogRow(String title, String brand, String category) {
}
