"""The requirement-level cue tables: data only, read by :mod:`skillgraph.extraction.levels`.

To add a cue, add an alternative to a cue below (the tests check every alternative's hints).
An alternative is either

- a plain phrase — lower-case letters, digits, spaces, ``'`` and ``-``, optionally with ``\\b`` at
  either end (``r"\\bperks\\b"``, ``"nice to have"``): it is its own hint and needs no regex; or
- a tuple ``(regex, hint, hint, …)``: every match of the regex contains one of the hints, lower-case
  substrings (a leading ``\\b``: the hint starts a word; a trailing one: it ends one).

A cue matches when one of its alternatives does.
"""

_ROLE_AFTER_ABOUT = r" (?:the|this|your) (?:role|position|opportunity)\b"
"""What makes an "About …" heading the work rather than an "About us" ("About the role", "About this position")."""

HEADING = {
    # searched in the heading lower-cased, "’" as "'", ":" as a space, padded with spaces
    "about_you": ((r"\babout (you|the candidate|yourself)\b", r"\babout you", r"\babout the candidate"),
                  r"\bwho you are\b", r"\bif you\b", r"\bthrive\b", "you should have",
                  # "To be successful in this role, you will:" over what it takes (before "in this role")
                  "to be successful", r"\bto succeed\b", "person specification",
                  # "We're hiring for:" over the roles and what they take (not "Our hiring process": context)
                  (r"\bhiring for\b", "hiring for")),
    "preferred": ("nice to have", "nice-to-have",
                  # "Domain Experience (Preferred)", not "Remote (UK/EU preferred)"
                  (r"\bpreferred(?![^()]*\))|\(\s*preferred\b", r"\bpreferred"),
                  # "Bonus points", not "Salary & Bonus" / "Benefits/Bonus" (pay)
                  (r"^(?!.*\b(?:pay|salary|benefits?|compensation|equity|pension|package)\b).*\bbonus", r"\bbonus"),
                  (r"\bplus(es)?\b", r"\bplus"),
                  # "Desirable", "Advantageous Skills", "Other highly valued skills include"; not "Desire to train"
                  (r"\bdesir(?!es?\b)", r"\bdesir"), r"\badvantageous", r"\ban advantage", "highly valued",
                  "good to have", r"\boptional", "would be great", r"\bideally", "extra credit",
                  "even better", "extra points", "stand out"),
    # "About the role" is the work ("responsibility" below), not an "About us"
    "context": ((r"\babout\b(?!%s)" % _ROLE_AFTER_ABOUT, "about"),
                "benefit", "compensation", r"\bperks\b", "relocation", "statement",
                "equal opportunit", r"\beeo\b", "commitment", "culture", r"\bsalary", r"\bpay\b", "work mode",
                r"\blocation", "similar jobs", "more jobs", r"\bjobs\b", r"\benvironment",
                (r"\bwhy (join|work)", r"\bwhy join", r"\bwhy work"), "life at", "our company", "who we are",
                "our team", "the team", r"\bteam\b", "overview by", r"\bdiversity", "inclusion",
                # how to apply and what happens then: "Our hiring process", "Recruitment fraud warning"
                "how to apply", "hiring process", "interview process", "recruitment process", r"\bdisclaimer",
                r"\bour values\b", r"\bfraud\b", r"\bprivacy\b"),
    "responsibility": ((r"what you('ll|'d| will| would)( actually)? (do|be doing|work on)", "what you"),
                       "responsibilit", r"\bduties\b", "day to day", "day-to-day", "your impact",
                       (r"\bhow you(?:'ll| will) make an impact\b", "make an impact"),
                       r"\bthe role\b", "in this role", "your role", "role overview",
                       (r"\babout" + _ROLE_AFTER_ABOUT, "about"),
                       (r"what you('ll| will) own", "what you"),
                       "accountabilit", r"\bthe work\b", r"\bthe job\b",
                       (r"\byou('ll| will) (do|work|build|own|tackle|be (doing|working|building))\b",
                        "you'll", "you will")),
    # the stack the role works in ("Our Tech Environment", "Tools & Environment"), before "environment" (context)
    # what the hire's own team works on ("Here's what our engineering team is working on:"), before "team"
    "work": ((r"\b(?:is|are|'re|we) (?:currently |now )?working on\b", "working on"),),
    "stack": ((r"\btech(nical|nology)? (environment|stack|landscape)\b", "tech"),
              (r"\btools? (&|and) (environment|technologies)\b", "tool")),
    "required": ("looking for", r"\brequire", "qualification", r"\bmust\b", (r"\bskills?\b", r"\bskill"),
                 r"\bexperience\b", (r"what you (bring|need|have)", "what you"),
                 (r"what you('ll| will) (bring|need)", "what you"), "you have", (r"tech(nical)? stack", "tech"),
                 "technologies", "emphasi", "competenc", r"\bminimum\b", r"\bbasic\b", "essential",
                 r"\bprofile\b", "ideal candidate", r"\bcandidate\b", r"\bbackground\b", "good fit", "great fit",
                 r"\bstack\b", r"\btools\b", r"\bexpertise\b", "proficien",
                 (r"\bopen (?:roles|positions)\b", "open "),
                 # "Roles:" over the roles a post hires for and what each takes
                 (r"^ (?:(?:open|available|current|our) )?(?:roles|positions) $", "roles", "positions")),
}

FIELD_LABELS = frozenset((
    "location", "locations", "based", "salary", "pay", "rate", "day rate", "compensation", "bonus", "equity",
    "package", "benefits package", "job type", "type", "contract", "contract type", "employment type",
    "employment", "duration", "length", "hours", "working hours", "start", "start date", "closing date",
    "date posted", "posted", "reference", "ref", "job ref", "job id", "company", "client", "department",
    "remote", "work mode", "working pattern", "schedule", "shift", "visa", "sponsorship", "clearance",
    "apply", "website", "url", "contact", "email", "industry", "sector", "level", "seniority",
    "job title", "title", "position", "role", "team", "team size", "travel", "ir35", "deadline"))
"""Labels of a posting's fields ("Location: Leeds, Bristol", "Company: Acme", "Apply: www.acme.com"): a
line "label: value" whose label ends in one of them ("Job Location", "Base Salary", "Location(s)") is a
field, not a section heading (``header.is_field``)."""

NOT_STACK_LABELS = frozenset(("customers", "clients", "partners", "investors", "backers", "backed by",
                              "alumni", "used by", "trusted by", "funded by", "previously", "ex", "team from"))
"""A labelled list that names companies, not the stack: "Customers: Snowflake, Databricks", "Partners: AWS"."""

COMPANY_TALK = (r"\b(?:our mission|founded|backed by|venture-backed|we acquired|headquartered|our customers|"
                r"our clients|(?:a|our) team of \d+|(?:worked|experience) at|alumni|raised \$|investors|"
                r"our founders?|co-?founders?|is an? (?:\w+ ){0,3}(?:researcher|engineer|founder|ceo|cto))\b")
"""Talk about the company and its people ("Our mission is …", "We are a team of 25 with experience at
Google, Snowflake …", "Vansh is an AI researcher who …"): not the work, even in a posting that asks for
nothing (``posting_levels.settle``; a regex, searched ignoring case)."""

DUTY_VERBS = frozenset(
    "support own work establish define collaborate build develop drive lead manage design deliver create "
    "maintain implement partner ensure analyse analyze monitor identify improve optimise optimize provide "
    "mentor coach contribute help shape review write deploy operate run test".split())
"""A line opening with one of these and four words or more is a duty ("Own analytics for …"), not a
heading, even with a heading word in it ("… reliability/qualification activities")."""

EXAMPLE_LEAD = r"(?:e\.\s?g|i\.\s?e|eg|ie|such as|including|like)\b\.?[,:]?"
"""What opens a list of examples ("e.g.,", "such as", "including"): its items are examples, not names
(teams' lists), and it is no part of the first item (the list siblings). A regex, searched ignoring case."""

NOT_EXPECTED = (r"\b(?:(?:do not|don'?t|don\u2019t|doesn'?t|won'?t|will not) (?:expect|need|require) "
                r"(?:you |candidates |applicants |anyone )?(?:to )?(?:have|know|be an? expert)\b|"
                r"(?:is|are) not (?:expected|required) to (?:have|know)\b|no need to (?:have|know)\b)")
"""A section saying experience with what it lists is not expected ("We don't expect you to have experience with
every technology listed above"): under a stack heading, its list is what the hire works in, not what is asked
(``posting_levels.settle``; a regex, searched ignoring case)."""

ASK_ITEM = (r"(?!(?:what|your|our|key|essential|required|desired|minimum|must|core|technical|other|additional|"
            r"education|background)\b)"
            r"(?:(?:strong|advanced|excellent|proven|solid|deep|good|great|proficient|proficiency|demonstrable|"
            r"demonstrated|hands-on|expert)\b(?=.{0,80}\b(?-i:[a-z]))"
            r"|(?:experience|knowledge|familiarity|understanding|expertise|proficiency)\s+(?:with|in|of|using)\b"
            r"(?!\s+the\s+following\b)"
            r"|.{0,80}?\b(?!(?:key|essential|required|relevant|technical|core|your|our|the|and|or|of|skills|experience|"
            r"expertise|knowledge|qualifications|soft|professional|additional|other|general|minimum|basic|must)\b)"
            r"(?-i:[a-z])[\w'/-]*\b.{0,80}\b(?:experience|expertise|skills)\Z)")
"""A short line that a required-heading word alone makes a heading, but which is one item of a list of asks
("Strong Azure cloud experience", "Experience with Planon or similar systems", "AWS or cloud BI experience"):
under a preferred heading ("Desirable") it is no heading, so it and the lines after it stay preferred ("Key
skills and experience", "Proven Experience" stay headings)."""
NOT_HIRED = r"^\W*(?:hiring manager|recruiter|recruiting|talent partner|contact|point of contact|reports? to)\b"
"""Titles that name who to talk to, not the role hired for: "Hiring Manager:", "Recruiter:" (a regex,
searched ignoring case)."""

HEADING_ORDER = (("preferred", "preferred"), ("about_you", "required"), ("stack", "required"),
                 ("work", "responsibility"), ("context", "context"),
                 ("responsibility", "responsibility"), ("required", "required"))
"""(cue, level) in the order they are tried on a heading: the first cue that matches decides. A plus before
"about you": "Bonus points if you have", "You'll stand out if you" are preferred."""

_SOUGHT = (r"\b(?:looking for|searching for|seeking) (?:an? |our (?:next |new |first )?)"
           r"(?:(?!who\b|to\b)[\w+#./-]+ ){0,5}?"    # not across "who" / "to": the first role noun is the role
           r"(?:engineer|developer|scientist|researcher|architect|analyst|programmer)s?\b")
"""The role sought: "looking for a Senior Data Engineer", "seeking an experienced SRE" (a regex, ``re.I``)."""
_ROLE_WORK = (r"(?: \([^()]{1,20}\))?(?: (?:in|based in) (?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*)?)?"
              r"(?: to (?!join\b|be\b)\w| who (?:will|would) (?:be (?:a|an|the|part)\b(?! \w+ fit\b)|(?:build|"
              r"design|develop|lead|own|drive|deliver|create|implement|maintain|manage|shape|define|architect|work on|"
              r"help)\b)|,? (?:responsible|accountable) for\b)")
"""What says, after :data:`_SOUGHT`, what the role does: "… Engineer (SRE) in Glasgow to strengthen the
platform", "… who will be a key member …", "who will build …", ", responsible for designing pipelines":
responsibility, not an ask ("who would be comfortable with Terraform", "who will love Python" are asks)."""

MUST = r"\b(?:must|essential|required|mandatory)\b"
"""What says an ask is not to be traded for a plus in the same sentence ("You must have Python; Docker is a plus")
(a regex, searched ignoring case)."""

SENTENCE = {
    # searched ignoring case in the sentence as it is
    "preferred": ((r"\b(?:is|are|would be|a big|big) (?:a )?plus\b", r"\bplus\b"), r"\bbonus\b",
                  (r"\ban? (?:strong|huge|definite|real|major|great) plus\b", r"\bplus\b"),
                  (r"\bnice[ -]to[ -]have\b", r"\bnice"), r"\bpreferred\b", r"\bdesirable\b", r"\ban advantage\b",
                  r"\bis advantageous\b", r"\bpreferable\b",
                  (r"^\W*(?:ideally|preferably)\b|\b(?:you|you(?:'|\u2019)ll|you will|you would|you should|"
                   r"candidates? (?:will|would|should)) ideally\b", "ideally", "preferably"),   # "Ideally, you have"
                  (r"\b(?:experience|knowledge|familiarity|exposure|background|understanding|skills?)\b.{0,80}?"
                   r"\b(?:is|are|(?:would|will) (?:also )?be|be|being) (?:also |very |highly |really |a )?"
                   r"(?:beneficial|helpful|valuable|useful|advantageous)\b",
                   "beneficial", "helpful", "valuable", "useful", "advantageous"),
                  (r"\bnot (?:essential|mandatory|a requirement)\b",
                   "not essential", "not mandatory", "not a requirement"),
                  (r"\bbut not required\b", "but not required")),
    "required": ((r"(?:we(?:'|\u2019)?re|we are) (?:also )?(?:looking|seeking) for .{0,300}?\b(?:experience|expertise|"
                  r"skills?|knowledge|proficiency|familiarity|background)\b", r"\blooking for", r"\bseeking for"),
                 r"\bthe role requires\b",
                 (r"\brequires? (?:experience|expertise|knowledge|proficiency)", r"\brequire"),
                 (r"\bmust (?:have|be|know)\b", r"\bmust "),
                 # "Python (required)"; not "… where required", "as required" (when needed)
                 (r"(?<!\bwhere )(?<!\bwhen )(?<!\bif )(?<!\bas )(?<!\bunless )\brequired\b", r"\brequired\b"),
                 # "Python (essential)"
                 (r"\((?:essential|mandatory|must[- ]have)\)", "(essential", "(mandatory", "(must"),
                 (r"\byou (?:have|bring|possess)\b", r"\byou have", r"\byou bring", r"\byou possess"),
                 # "You will have strong hands-on skills in SQL", "you'll bring hands-on coding expertise": an ask
                 # noun within a few words; not what the role gives ("you'll have real ownership", "a strong team
                 # around you", "a degree of autonomy", "extensive training") or does ("you'll bring clarity")
                 (r"\byou(?:(?:'|\u2019)?ll| will) (?:also )?(?:have|bring|possess)(?::| (?:an? )?(?:[\w-]+ ){0,3}?"
                  r"(?:experience|expertise|knowledge(?! transfer)|skills?|track record|background(?! check)|"
                  r"understanding|familiarity|proficiency|abilit(?:y|ies)|command|grasp)\b)",
                  "you'll", "you\u2019ll", "youll", "you will"),
                 (r"\bideal candidates? (?:will |would |should )?(?:have|has|bring|brings|possess|possesses)\b",
                  "ideal candidate"),
                 (r"\b(?:role|position) calls for\b", "calls for"),
                 (r"\bproficien(?:t|cy) (?:in|with)\b", r"\bproficien"),
                 (r"\b\d+\+? years\b", r"\byears\b"),
                 (r"\b(?:ph\.? ?d|m\.? ?s\.?|masters?|bachelor'?s?|b\.? ?s\.?)\b.{0,120}?\bin\b",
                  r"\bph", r"\bm.", r"\bms", r"\bm s", r"\bmaster", r"\bbachelor", r"\bb.", r"\bbs", r"\bb s"),
                 r"\bdegree in\b",
                 # a key line naming the stack ("Stack: Go, Rust", "Our stack is Bun / Hono", "Technologies: …")
                 (r"^\W*(?:our |the )?(?:(?:core|main|key) )?(?:tech(?:nical|nology)? )?"
                  r"(?:stack|technologies|tech|tools|skills|keywords|languages)\b\s*(?::|-|\u2013|is\b|are\b|includes?\b)",
                  "stack", "tech", "tools", "skills", "keywords", "languages"),
                 (r"\byou(?:'|\u2019)?re (?:highly |very )?"
                  r"(?:skilled|experienced|proficient|fluent|an expert|expert)\b",
                  "you're", "you\u2019re", "youre"),
                 (r"\b(?:we(?:'|\u2019)?re|we are|is|are) (?:now |also |currently |actively )?hiring\b"
                  r"(?! (?:across|in|at|from|throughout|globally|worldwide|remotely)\b)", "hiring"),   # not a place
                 (r"^\W*(?:job title|title|position|role)\s*:", "title", "position", "role"),   # "Role: X Engineer"
                 (_SOUGHT + rf"(?!{_ROLE_WORK})",   # "… Engineer to build X": what the role does (below)
                  "looking for", "searching for", "seeking"),
                 # "We are looking for someone who …" (not "someone to build X": what the role does, below)
                 (r"\b(?:looking|searching) for (?:someone|somebody)\b(?! to\b)", "looking for", "searching for"),
                 # a requirement bullet's opening: "Familiarity with RAG …", "Strong experience in Spark"
                 (r"^\W*(?:(?:strong|solid|deep|proven|good|excellent|hands-on|working|some|prior|practical|"
                  r"demonstrated|demonstrable|extensive|basic|advanced) )*(?:experience|familiarity|knowledge|"
                  r"understanding|expertise|background|fluency) (?:with|in|of|[a-z]+ing)\b",
                  "experience", "familiarity", "knowledge", "understanding", "expertise", "background", "fluency"),
                 # "Proven ability to work across legacy and cloud systems", "Ability to explain models"
                 (r"^\W*(?:(?:proven|demonstrated|demonstrable|strong|excellent|good) )?abilit(?:y|ies) to\b",
                  "ability", "abilities"),
                 # "Advanced skills in Python and SQL", "Strong skills with Spark": an adjective is needed
                 (r"^\W*(?:strong|solid|deep|proven|good|excellent|advanced|demonstrable|practical) "
                  r"(?:\w+ )?skills (?:in|with)\b", "skills")),
    # a plus said outright, asked even under a context heading ("Mindset & Culture: … Go or Python for systems
    # tooling a strong plus"); not "Plus: 401k", "bonus", "A training budget is a plus" there (perks, pay)
    "asked": ((r"\ban? (?:big|strong|huge|definite|real|major|great) plus\b", r"\bplus\b"),
              (r"\bnice[ -]to[ -]have\b", r"\bnice")),
    # the notice on AI in hiring, context whatever heading it falls under ("AI Skills", "Bonuses")
    "hiring_notice": ((r"\buse (?:of )?(?:\w+ ){0,3}?(?:ai|artificial intelligence)\b.{0,80}?"
                       r"\b(?:hiring|recruitment|recruiting|selection) process",
                       "hiring process", "recruitment process", "recruiting process", "selection process"),),
    # the stack or the ask said in prose: only where no recognised heading settles the sentence
    # (``levels.prose_level``), never under "About us" / benefits ("We work with hospitals …")
    "stack": ((r"^\W*langs?\s*:", "lang"),
              # a header-like line of fields further down ("Hybrid | NYC | Python/Java"), like the first line
              (r"^[^|\n]{1,40}(?:\s\\?\|\s[^|\n]{1,40}){2,}$", "|"),
              # a role and what it takes: "Software Engineers - think Rust / C++", "Backend Engineer: Go"
              (r"^(?=.{0,120}$)\W*(?:[\w+#./&]+ ){0,4}(?:engineer|developer|scientist|researcher)s?\s*[-\u2013:]\s",
               "engineer", "developer", "scientist", "researcher"),
              # "We work mainly in Python", "Most of our code is in Go", "Our back-end is written in Rust"
              (r"\bwe (?:mainly |mostly |primarily |largely |heavily )?(?:work|write|code|program) "
               r"(?:mainly |mostly |primarily |largely |heavily )?in\b", r"\bwe "),
              (r"\bwe (?:mainly|mostly|primarily|largely|heavily) use\b", r"\bwe "),
              (r"\b(?:most|all|much) of our (?:code|codebase|stack|back-?end|front-?end)\b", "of our"),
              (r"\b(?:our|the) (?:code|codebase|back-?end|front-?end|stack) is (?:\w+ ){0,2}?(?:in|with)\b"
               r"(?! (?:production|flux|beta|progress)\b)",
               r"\bour ", r"\bthe "),
              (r"^\W*(?:\w+, )?(?:back-?end|front-?end|codebase) is (?:mostly |mainly |primarily )?in\b",
               "back", "front", "codebase"),
              # "a Golang/Python shop", "a Rails shop"; not "a coffee shop", "a one-stop shop"
              (r"\ba (?-i:[A-Z][\w+#./-]*|[\w+#.-]+/[\w+#./-]+) shop\b", "shop"),
              # "Expect hands-on Python", "We seek candidates with …", "The ideal candidate will have …"
              (r"\bexpect hands-on\b", "expect hands-on"),
              (r"\bwe(?: are|(?:'|\u2019)re)? (?:seek|seeking) (?:candidates|someone|people|engineers)\b", "seek"),
              (r"\b(?:you|candidates?|applicants?) (?:will|should|must|would) have (?:\w+ ){0,3}?"
               r"(?:experience|expertise|knowledge)\b", "have"),
              (r"^\W*(?:also |ideally )?have (?:prior |previous |some |proven )?experience "
               r"(?:with|in|of|building|using)\b", "have")),
    "responsibility": ((r"\byou(?:'|\u2019)?ll\b", r"\byou'll\b", "\\byou\u2019ll\\b", r"\byoull\b"),
                       r"\byou will\b", r"\byour responsibilities\b",
                       # "looking for a Senior ML Engineer to build and scale vision models"
                       (r"\b(?:looking|searching) for (?:someone|somebody) to (?!join\b|be\b)\w",
                        "looking for", "searching for"),
                       (_SOUGHT + _ROLE_WORK, "looking for", "searching for", "seeking"),
                       (r"\byou(?:'|\u2019)?d (?:work|build|own|lead|design|help|be (?:working|building))\b",
                        "you'd", "you\u2019d", "youd"),
                       (r"\b(?:the |key |main )?responsibilities (?:include|are|will include|cover)\b",
                        "responsibilities")),
}
