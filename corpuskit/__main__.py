from corpuskit.cli import main

raise SystemExit(main())
