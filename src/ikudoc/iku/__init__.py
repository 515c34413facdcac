"""The Indikator Kinerja Utama (IKU OPD): its content model, loader, checks, template context, table
and comparison of revisions."""
