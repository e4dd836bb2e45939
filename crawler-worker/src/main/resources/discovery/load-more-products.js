// A listing that shows more products as it is scrolled ("infinite scroll") or behind a "load more" button: scroll to
// the end, or press the button, until no new links appear or the rounds are used up. Argument: the rounds at most.
// Returns how many rounds brought new links. A round waits at most ROUND_MS for the page to add something.
async (maxRounds) => {
  const ROUND_MS = 1200;
  const LOAD_MORE = /^\s*(mehr (laden|anzeigen|produkte|artikel)|weitere (produkte|artikel|laden|anzeigen)|load more|show more|see more|more products|plus de produits|voir plus|afficher plus|cargar más|ver más|meer laden|toon meer)\b/i;
  const links = () => document.querySelectorAll('a[href]').length;
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  const loadMoreButton = () => [...document.querySelectorAll('button, [role=button], a:not([href]), a[href="#"]')]
      .find(el => LOAD_MORE.test(el.innerText || el.textContent || '') && el.getBoundingClientRect().height > 0 && !el.disabled);
  let grew = 0;
  for (let round = 0; round < maxRounds; round++) {
    const before = links();
    const button = loadMoreButton();
    if (button) button.click();
    else window.scrollTo(0, document.documentElement.scrollHeight);
    const deadline = Date.now() + ROUND_MS;
    while (links() === before && Date.now() < deadline) await sleep(100);
    if (links() === before) break;
    grew++;
    await sleep(100); // a batch of cards is often appended in several steps
  }
  window.scrollTo(0, 0);
  return grew;
}
