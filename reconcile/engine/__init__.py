"""Where the pipeline runs: the local engine (default) or Dask."""
