"""`reconcile extract`: list the claims found in each article."""
from __future__ import annotations

import argparse

from reconcile.commands._shared import (EXIT_OK, Streams, add_common_arguments, bundled_sources,
                                        output_format, read_inputs, write_output)

NAME = "extract"
HELP = "list the claims found in each article"
DESCRIPTION = "Extract the checkable claims of each article, one per line."

CSV_COLUMNS = ["id", "source", "kind", "text", "start", "end", "stated", "low", "high", "unit",
               "hedge", "scope", "period", "speaker", "subject", "sentence"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder (read recursively) or - for standard input")
    parser.add_argument("--format", "-f", default=None, choices=("jsonl", "csv"),
                        help="output format (default: csv for an --output file ending .csv, "
                             "else jsonl)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write to FILE instead of standard output")
    add_common_arguments(parser)


def run(args: argparse.Namespace, io: Streams) -> int:
    import csv
    import io as io_
    import json

    from reconcile.pipeline import extract_all, number_claims
    from reconcile.report.csv_format import neutralise

    fmt = output_format(args.format, args.output, {"csv": "csv"}, "jsonl")
    rules, sources, errors = read_inputs(args.paths or [bundled_sources()], args, io)
    sources = sorted(sources, key=lambda s: s.id)
    extraction = extract_all(sources, rules, args.rules, jobs=args.jobs)
    claims = number_claims(sources, extraction.claims)
    errors = [*errors, *extraction.errors]  # articles an extractor failed on
    rows = [claim.to_dict() for source in sources for claim in claims[source.id]]
    if fmt == "jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        text += "".join(json.dumps({"error": e.error, "path": e.path}, ensure_ascii=False) + "\n"
                        for e in errors)
    else:
        buffer = io_.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        numeric = {CSV_COLUMNS.index(c) for c in ("start", "end", "stated", "low", "high")}

        def writerow(cells: list) -> None:
            # article text may start with "=", "+", "-" or "@": a spreadsheet must not run it
            writer.writerow([neutralise("" if cell is None else str(cell), i in numeric)
                             for i, cell in enumerate(cells)])

        writerow(CSV_COLUMNS)
        for row in rows:
            value = row["value"]
            writerow([row["id"], row["source"], row["kind"], row["text"], row["start"],
                             row["end"], json.dumps(value.get("stated"), ensure_ascii=False),
                             value.get("low"), value.get("high"), value.get("unit", ""),
                             value.get("hedge") or "", value.get("scope") or "",
                             value.get("period") or "", value.get("speaker") or "",
                             row["subject"], row["sentence"]])
        for error in errors:
            writerow(["", error.path, "error", error.error] + [""] * (len(CSV_COLUMNS) - 4))
        text = buffer.getvalue()
    write_output(text, args.output, io.stdout)
    return EXIT_OK
