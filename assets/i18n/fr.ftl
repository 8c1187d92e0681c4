# Glass Bank, français.
game-name = Glass Bank
game-tagline = Où va votre euro ?
scenario-turns = { $turns ->
    [one] Un mois à jouer
   *[other] { $turns } mois à jouer
}
error-scenario = Impossible de lire ce scénario : { $error }
