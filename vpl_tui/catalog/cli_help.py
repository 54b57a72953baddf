"""The command line's help, its usage errors, the plan file's reasons and the system's errors.

Key: (Swedish, English). The English of a usage error or of a pydantic reason is the
library's own wording, passed in as `{said}`: only the Swedish is ours.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # --help: the commands and their options (click's own words are translated by the CLI).
    "help.main": (
        "Följ upp en verksamhetsplan: status, sammanställning, budget.\n\n"
        "Utan kommando öppnar vpl terminalappen på databasen.",
        "Follow up an operational plan (verksamhetsplan): statuses, summary, budget.\n\n"
        "Without a command, vpl opens the terminal app on the database.",
    ),
    "help.main.db_path": (
        "Plandatabasen (även VPL_DB). Standard: vpl.db i din användares datamapp.",
        "The plan database (also VPL_DB). Default: vpl.db in your user data folder.",
    ),
    "help.main.lang": (
        "Gränssnittets språk: sv (standard) eller en (även VPL_LANG).",
        "Interface language: sv (default) or en (also VPL_LANG).",
    ),
    "help.main.version": ("Visa versionen och avsluta.", "Show the version and exit."),
    "help.help": ("Visa den här hjälpen och avsluta.", "Show this message and exit."),
    "help.output": (
        "Skriv till FIL (`-` är standard ut); en fil ersätts atomärt.",
        "Write to FILE (`-` is standard output); a file is replaced atomically.",
    ),
    "help.load": (
        "Kontrollera FILE och ersätt sedan databasens plan med den i en transaktion.",
        "Validate FILE, then replace the database's plan with it in one transaction.",
    ),
    "help.load.check": (
        "Kontrollera bara filen; ändra ingenting.",
        "Only validate the file; change nothing.",
    ),
    "help.export": (
        "Skriv ut hela planen med aktuell status och historik, som en planfil i TOML.",
        "Print the whole plan with current statuses and history, as a TOML plan file.",
    ),
    "help.schema": (
        "Skriv ut planfilens format som JSON Schema.",
        "Print the plan file format as JSON Schema.",
    ),
    "help.set": (
        "Sätt aktivitet REF till STATUS: not_started, in_progress, done, delayed, cancelled.\n\n"
        'De svenska benämningarna fungerar också: "Ej påbörjad", Pågår, Klar, Försenad, '
        "Avbruten. REF skrivs med stora eller små bokstäver.",
        "Set activity REF to STATUS: not_started, in_progress, done, delayed, cancelled.\n\n"
        'The Swedish labels work too: "Ej påbörjad", Pågår, Klar, Försenad, Avbruten. '
        "REF may be written in upper or lower case.",
    ),
    "help.set.note": (
        "Varför: sparas i historiken med ändringen.",
        "Why: kept in the history with the change.",
    ),
    "help.undo": (
        "Ångra din senaste ändring (av en status eller av planen), med en ny rad (inget raderas).",
        "Undo your last change (of a status or of the plan), with a new row (nothing is deleted).",
    ),
    "help.history": (
        "Visa statushistoriken för REF, eller de senaste ändringarna i hela planen.",
        "Show the status history of REF, or the latest changes of the whole plan.",
    ),
    "help.history.limit": (
        "Hur många av de senaste ändringarna som visas (utan REF).",
        "How many of the latest changes to show (without REF).",
    ),
    "help.summary": (
        "Skriv ut statussammanställningen för nämnden.",
        "Print the status summary for the board.",
    ),
    "help.summary.fmt": ("Utdataformat.", "Output format."),
    "help.summary.as_of": (
        "Visa planen som den stod vid slutet av den dagen (standard: i dag).",
        "Show the plan as it stood at the end of that day (default: today).",
    ),
    "help.budget": (
        "Stäm av budgeten: går de publicerade siffrorna ihop? Fel först.",
        "Reconcile the budget: do the published figures add up? Failures first.",
    ),
    "help.budget.fmt": (
        "Utdataformat (json-beskrivningar följer --lang).",
        "Output format (json descriptions follow --lang).",
    ),
    "help.budget.strict": (
        "Avsluta med kod 1 om någon kontroll inte går ihop.",
        "Exit with code 1 when any check fails.",
    ),
    # click's own headings in --help
    "help.usage": ("Användning: ", "Usage: "),
    "help.heading.Options": ("Flaggor", "Options"),
    "help.heading.Commands": ("Kommandon", "Commands"),
    "help.heading.Arguments": ("Argument", "Arguments"),
    # Usage errors: click's reason in our words (English: click's own).
    "usage.no_such_command": ("okänt kommando '{name}'.", "{said}"),
    "usage.no_such_option": ("okänd flagga '{name}'.", "{said}"),
    "usage.did_you_mean": ("Menade du {names}?", "{said}"),
    "usage.missing_argument": ("argumentet {name} saknas.", "{said}"),
    "usage.missing_option": ("flaggan {name} saknas.", "{said}"),
    "usage.invalid_value": ("Ogiltigt värde för {name}: {reason}", "{said}"),
    "usage.extra_arguments": ("oväntat extra argument ({args})", "{said}"),
    "usage.requires_value": ("flaggan '{name}' behöver ett värde.", "{said}"),
    "usage.not_in_range": (
        "{value} ligger inte mellan {low} och {high}",
        "{value} is not between {low} and {high}",
    ),
    "usage.not_a_number": ("{value!r} är inte ett heltal", "{value!r} is not a whole number"),
    "usage.not_a_choice": ("{value} är inget av {choices}", "{value} is not one of {choices}"),
    "help.default": ("standard", "default"),
    "usage.day_out_of_range": (
        "{value} ligger inte mellan {low} och {high}",
        "{value} is not between {low} and {high}",
    ),
    # The operating system's reasons (strerror), for the common errnos.
    "os.ENOENT": ("filen eller mappen finns inte", "no such file or folder"),
    "os.EACCES": ("åtkomst nekad", "permission denied"),
    "os.EPERM": ("åtgärden är inte tillåten", "operation not permitted"),
    "os.EISDIR": ("är en mapp", "is a folder"),
    "os.ENOTDIR": ("en del av sökvägen är inte en mapp", "a part of the path is not a folder"),
    "os.ENOSPC": ("disken är full", "no space left on the disk"),
    "os.EDQUOT": ("diskkvoten är slut", "disk quota exceeded"),
    "os.EROFS": ("filsystemet är skrivskyddat", "the file system is read-only"),
    "os.EEXIST": ("finns redan", "already exists"),
    "os.ENAMETOOLONG": ("namnet är för långt", "the name is too long"),
    "os.ELOOP": ("för många symboliska länkar", "too many symbolic links"),
    "os.EBUSY": ("används av något annat", "in use by something else"),
    "os.EMFILE": ("för många öppna filer", "too many open files"),
    "os.EIO": ("in- eller utmatningsfel", "input/output error"),
    "os.ETXTBSY": ("filen används", "the file is in use"),
    "os.EXDEV": ("kan inte flyttas mellan filsystem", "cannot be moved between file systems"),
    "os.other": ("{reason}", "{reason}"),
    # The plan file reader's reasons.
    "plan.said": ("{text}", "{text}"),
    "plan.got": ("{reason} (fick {got})", "{reason} (got {got})"),
    "plan.got_table": ("en tabell", "a table"),
    "plan.got_array": ("en lista", "an array"),
    "plan.too_large": ("större än {mib} MiB", "larger than {mib} MiB"),
    "plan.is_folder": ("är en mapp, inte en planfil", "is a folder, not a plan file"),
    "plan.no_such_file": ("filen finns inte", "no such file"),
    "plan.cannot_read": ("kan inte läsas: {reason}", "cannot read: {reason}"),
    "plan.not_utf8": (
        "rad {line}: inte UTF-8-text (byte 0x{byte})",
        "line {line}: not UTF-8 text (byte 0x{byte})",
    ),
    "plan.syntax": (
        "rad {line}, kolumn {column}: {reason}",
        "line {line}, column {column}: {reason}",
    ),
    "plan.syntax_at_end": (
        "rad {line}: {reason} i slutet av filen",
        "line {line}: {reason} at the end of the file",
    ),
    "plan.too_deep": (
        "nästlad för djupt för att vara en planfil",
        "nested too deeply to be a plan file",
    ),
    "plan.too_deep_line": (
        "rad {line}: nästlad för djupt för att vara en planfil",
        "line {line}: nested too deeply to be a plan file",
    ),
    "plan.top_level": ("(översta nivån)", "(top level)"),
    "plan.missing": ("obligatoriskt fält saknas", "required field is missing"),
    "plan.unknown_key": ("okänd nyckel", "unknown key"),
    "plan.table": ("ska vara en tabell", "should be a table"),
    "plan.array": ("ska vara en lista", "should be an array"),
    "plan.date": (
        "ska vara ett datum som 2023-01-01, skrivet utan citattecken",
        "should be a date such as 2023-01-01, written without quotes",
    ),
    "plan.datetime": (
        "ska vara datum och tid med tidszon som 2023-03-01T09:30:00Z, skrivet utan citattecken",
        "should be a date and time with a time zone such as 2023-03-01T09:30:00Z, "
        "written without quotes",
    ),
    "plan.number": ("ska vara ett tal som 4.5", "should be a number such as 4.5"),
    # vpl's own checks of a plan
    "plan.before_start": ("{end} är före start {start}", "{end} is before start {start}"),
    "plan.duplicate": ("{value} finns redan", "{value} is a duplicate"),
    "plan.duplicate_of": ("{value} finns redan i {place}", "{value} is a duplicate of {place}"),
    "plan.no_goal": ("inget mål {number}", "no goal {number}"),
    "plan.neither_goal_nor_initiative": (
        "{value} är varken ett mål eller ett initiativ",
        "{value} is neither a goal nor an initiative",
    ),
    "plan.ambiguous_id": (
        "{value} är också ett målnummer: tvetydigt i funds",
        "{value} is also a goal number: ambiguous in funds",
    ),
    # pydantic's own reasons: Swedish ours, English pydantic's (`said`).
    "plan.pydantic.string_type": ("ska vara en textsträng", "{said}"),
    "plan.pydantic.int_type": ("ska vara ett heltal", "{said}"),
    "plan.pydantic.bool_type": ("ska vara true eller false", "{said}"),
    "plan.pydantic.string_too_long": ("får ha högst {max_length} tecken", "{said}"),
    "plan.pydantic.string_too_short": ("ska ha minst {min_length} tecken", "{said}"),
    "plan.pydantic.string_pattern_mismatch": ("ska matcha mönstret '{pattern}'", "{said}"),
    "plan.pydantic.literal_error": ("ska vara {expected}", "{said}"),
    "plan.pydantic.greater_than_equal": ("ska vara minst {ge}", "{said}"),
    "plan.pydantic.less_than_equal": ("får vara högst {le}", "{said}"),
    "plan.pydantic.greater_than": ("ska vara större än {gt}", "{said}"),
    "plan.pydantic.less_than": ("ska vara mindre än {lt}", "{said}"),
    "plan.pydantic.decimal_max_digits": ("får ha högst {max_digits} siffror", "{said}"),
    "plan.pydantic.decimal_max_places": ("får ha högst {decimal_places} decimaler", "{said}"),
    "plan.pydantic.date_from_datetime_inexact": ("ska vara ett datum utan klockslag", "{said}"),
    "plan.pydantic.too_long": ("får ha högst {max_length} element", "{said}"),
    "plan.pydantic.too_short": ("ska ha minst {min_length} element", "{said}"),
}
