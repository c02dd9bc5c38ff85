"""`reconcile check`: new articles against the archive, with findings for CI."""
