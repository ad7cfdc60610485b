from pariter.entry import main

main()
