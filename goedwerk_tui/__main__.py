from goedwerk_tui.cli import main

raise SystemExit(main())
